/** The texts of the 关联记录 side panel (./linked-records.tsx), added to the admin's translations in ./app.ts. */
export const LINKED_RECORDS_TEXT = {
  'zh-Hans': {
    'cop.linked.title': '关联记录',
    'cop.linked.missing': '（记录不存在）',
    'cop.linked.error': '无法读取关联记录',
  },
  en: {
    'cop.linked.title': 'Linked records',
    'cop.linked.missing': '(no such record)',
    'cop.linked.error': 'Linked records could not be read',
  },
} as const;
