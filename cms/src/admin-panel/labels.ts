/**
 * What the platform operator reads in the Strapi admin panel (/admin): a Chinese label and description for
 * every field of every content type, the list columns, the main field (shown where another record points at
 * this one) and the default sort. Applied at every boot by `applyAdminLabels` (./apply.ts), so it lives in
 * the code, not in a database someone clicked. Left-menu names are the schemas' `info.displayName`.
 *
 * A field's text is looked up by name: the type's own `fields` first, then `COMMON`. `status` and `state`
 * are one field for the panel (状态), whichever the schema has. Enumeration fields get the meaning of each
 * code appended to their description (`codes` of the type, then `CODES`). tests/admin-labels.test.ts fails
 * when a field, a code or a content type has no Chinese text.
 */

/** [label, description]; the description may be empty. */
export type FieldText = readonly [label: string, description?: string];

export interface TypeLabels {
  /** this type's fields (override COMMON) */
  fields: Record<string, FieldText>;
  /** list view columns, in order (no bare ids first) */
  list: string[];
  /** shown where another record points at this one, and the list's link text */
  mainField: string;
  sort?: readonly [field: string, order: 'ASC' | 'DESC'];
  /** meaning of enumeration codes, per field, where CODES' general meaning is wrong for this type */
  codes?: Record<string, Record<string, string>>;
}

/** Fields spelt `status` before the rename and `state` after it are the same field to the panel. */
export const ALIASES: Record<string, string> = { status: 'state', state: 'status' };

/**
 * The content types an `…Id` field can point at, by the Chinese name its description gives them. The side
 * panel 关联记录 (cms/src/admin-panel/linked-names.ts) shows the target's main field (its `mainField` below)
 * beside the id, so a field made with `ref`, `enterprise` or `user` is also a link in the panel.
 */
export const TARGETS = {
  企业: 'plugin::identity.enterprise',
  员工: 'plugin::identity.employee',
  供销关系: 'plugin::identity.partnership',
  产品: 'plugin::catalogue.product',
  销售策略: 'plugin::catalogue.strategy',
  商机: 'plugin::collaboration.opportunity',
  资源: 'plugin::collaboration.resource',
  激励规则: 'plugin::incentives.incentive-rule',
  激励明细: 'plugin::incentives.incentive-record',
  账户: 'plugin::ledger.account',
  公告: 'plugin::messaging.announcement',
  交流会话: 'plugin::messaging.conversation',
  订单: 'plugin::orders.order',
  用户: 'plugin::users-permissions.user',
} as const;
export type Target = keyof typeof TARGETS;

// which content type a field's text says its id points at (the texts made by `pointsAt` below)
const POINTS_AT = new WeakMap<FieldText, string>();
const pointsAt = (target: Target, text: FieldText): FieldText => {
  POINTS_AT.set(text, TARGETS[target]);
  return text;
};
/** The content type whose record id a field with this text holds, or undefined when it is not such a field. */
export const targetOf = (text: FieldText | undefined): string | undefined => (text ? POINTS_AT.get(text) : undefined);

const FEN = '单位：分（100 = 1 元）';
const ref = (label: string, target: Target, extra = ''): FieldText => pointsAt(target, [label, `${target}的编号（${target}）${extra}`]);
const enterprise = (label: string, role: string): FieldText => pointsAt('企业', [label, `${role}企业的编号（企业）`]);
/** A login account's id (users-permissions user). */
const user = (label: string, description: string): FieldText => pointsAt('用户', [label, description]);
const money = (label: string, extra = ''): FieldText => [label, extra ? `${FEN}；${extra}` : FEN];
const ids = (label: string, target: string): FieldText => [label, `${target}编号的列表（${target}），JSON 数组，如 [3, 17]`];
const day = (label: string, extra = ''): FieldText => [label, `日期 YYYY-MM-DD（北京时间）${extra}`];

/** Fields that mean the same in every content type. */
export const COMMON: Record<string, FieldText> = {
  id: ['编号', '系统生成的记录编号'],
  documentId: ['文档编号', 'Strapi 的文档编号'],
  createdAt: ['创建时间', '系统记录'],
  updatedAt: ['更新时间', '系统记录'],
  publishedAt: ['Strapi 发布时间', 'Strapi 自用（本平台不使用草稿/发布）'],
  createdBy: ['创建人（后台）', '在管理后台创建该记录的管理员'],
  updatedBy: ['更新人（后台）', '在管理后台最后修改该记录的管理员'],
  status: ['状态', ''],
  state: ['状态', ''],
  supplierId: enterprise('供货方', '供货方'),
  sellerId: enterprise('销售方', '销售方'),
  enterpriseId: enterprise('企业', '所属'),
  productId: ref('产品', '产品'),
  strategyId: ref('销售策略', '销售策略'),
  orderId: ref('订单', '订单'),
  accountId: ref('账户', '账户'),
  userId: user('用户', '登录账户的编号（用户）'),
  operatorId: user('操作人', '操作的登录账户编号（用户）；空 = 系统或管理后台'),
  publisherId: enterprise('发布方', '发布方'),
  name: ['名称', ''],
  title: ['标题', ''],
  description: ['描述', ''],
  body: ['正文', ''],
  note: ['备注', ''],
  reason: ['原因', ''],
  reference: ['参考号', '业务参考号，如银行流水号、订单明细键'],
  channel: ['渠道', ''],
  category: ['产品类别', ''],
  audience: ['可见范围', '为 named 时只对“指定企业”可见'],
  audienceIds: ids('指定企业', '企业'),
  audienceKey: ['可见范围检索键', '由系统根据可见范围生成（如 |3|17|），用于查询，请勿手工修改'],
  attachmentIds: ids('附件', '附件'),
  validFrom: ['生效日期', '日期 YYYY-MM-DD'],
  validTo: ['到期日期', '日期 YYYY-MM-DD'],
  region: ['所在地区', ''],
  contactName: ['联系人', ''],
  contactPhone: ['联系电话', ''],
  phone: ['手机', ''],
  email: ['邮箱', ''],
  quantity: ['数量', ''],
  day: day('日期'),
  slot: ['库存日期', '日期 YYYY-MM-DD，或 total 表示总库存'],
  kind: ['类型', ''],
  type: ['类型', ''],
  action: ['操作', ''],
  withdrawnAt: ['撤回时间', ''],
};

/** General meaning of enumeration codes; a type's `codes` wins where a code means something else there. */
export const CODES: Record<string, string> = {
  // enterprises, partnerships, roles of a party
  supplier: '供货方', seller: '销售方', both: '供货方及销售方', suppliers: '全部供货方', sellers: '全部销售方',
  all: '全部企业', named: '指定企业',
  active: '有效', disabled: '已停用', enabled: '已启用', stopped: '已停止', left: '离职',
  add: '建立合作', stop: '停止合作', resume: '恢复合作',
  // catalogue
  ticket: '门票', catering: '餐饮', retail: '零售', coupon: '券',
  listed: '已上架', unlisted: '未上架', draft: '草稿', confirmed: '已确认', effective: '生效中', expired: '已到期',
  terminated: '已终止', code: '电子码核销', courier: '快递配送', none: '不限库存', total: '总库存', daily: '日历库存（按天）',
  adult: '成人票', child: '儿童票', senior: '老人票', student: '学生票', family: '家庭票', other: '其他',
  breakfast: '早餐', lunch: '午餐', dinner: '晚餐', 'afternoon-tea': '下午茶', 'all-day': '全天',
  individual: '个人客户', gov: '政府企业客户', employee: '员工内购',
  prepaid: '预付款', credit: '赊销（授信）', either: '预付款或赊销',
  // money
  cash: '现金（供货方控制账户，充值与还款的对方）', revenue: '收入（供货方控制账户，货款的对方）',
  plain: '普通', pending: '冻结（待定）', post: '确认冻结（扣款）', void: '撤销冻结（解冻）',
  topup: '充值', freeze: '冻结', capture: '扣款', release: '解冻', refund: '退款', repayment: '还款', adjustment: '调整',
  in: '入账', out: '出账',
  // orders
  pending_audit: '待审核', pending_payment: '待支付', paid: '已支付', fulfilling: '履约中', fulfilled: '已履约',
  refund_pending: '退款审核中', partially_refunded: '部分退款', refunded: '已退款', cancelled: '已取消',
  rejected: '已驳回', closed: '已关闭',
  // collaboration and messages
  purchase: '采购', supply: '供应', cooperation: '合作', investment: '招商', open: '进行中', withdrawn: '已撤回',
  venue: '场地', product: '产品', service: '服务', traffic: '流量', media: '媒体',
  notice: '通知', policy: '政策', promotion: '促销', maintenance: '维护', scheduled: '待发布（定时）', published: '已发布',
  resource: '资源', opportunity: '商机', system: '系统', announcement: '公告', message: '交流消息', agreement: '协议',
  audit: '审核', order: '订单', payment: '支付', fulfilment: '履约',
  // incentives
  collaboration: '协同值', bonus: '奖金值', order_paid: '订单支付', order_fulfilled: '订单履约', order_refunded: '退款冲回',
  per_order: '每单固定分值', per_unit: '每件分值', basis_points: '按金额（元）的万分比，向下取整',
  // stock
  adjust: '库存维护', reserve: '预占', consume: '售出', expire: '超时释放', return: '退回库存',
  released: '已释放', consumed: '已售出', returned: '已退回',
};

/** Every content type of the platform's plugins (and the login accounts), by uid. */
export const ADMIN_LABELS: Record<string, TypeLabels> = {
  // ---- identity
  'plugin::identity.enterprise': {
    fields: {
      name: ['企业名称', ''],
      creditCode: ['统一社会信用代码', '18 位，全平台唯一；员工登录小程序时使用'],
      kind: ['企业类型', '供货方、销售方或两者'],
      address: ['地址', ''],
      status: ['状态', '停用后该企业的所有账号立即不能使用'],
    },
    list: ['name', 'kind', 'status', 'contactName', 'contactPhone', 'createdAt'],
    mainField: 'name',
    sort: ['createdAt', 'DESC'],
    codes: { status: { active: '正常' } },
  },
  'plugin::identity.enterprise-role': {
    fields: {
      name: ['角色名称', '同一企业内不能重名'],
      description: ['说明', ''],
      permissions: ['权限', '权限键列表，JSON 数组，如 ["orders.read", "orders.place"]；请在企业控制台中维护'],
    },
    list: ['name', 'enterpriseId', 'description', 'updatedAt'],
    mainField: 'name',
  },
  'plugin::identity.employee': {
    fields: {
      employeeNo: ['工号', '同一企业内唯一；小程序登录用'],
      name: ['姓名', ''],
      department: ['部门', ''],
      position: ['职位', ''],
      miniPassword: ['小程序密码（哈希）', '加密保存；请在企业控制台“员工管理 → 小程序密码”中设置，勿手工修改'],
      miniFailedLogins: ['小程序登录失败次数', '系统维护'],
      miniFirstFailedAt: ['首次登录失败时间', '系统维护'],
      miniLockedUntil: ['小程序锁定至', '连续登录失败后锁定到该时间'],
      miniTokenVersion: ['小程序令牌版本', '系统维护；加一使该员工已登录的小程序全部失效'],
    },
    list: ['name', 'employeeNo', 'enterpriseId', 'department', 'status', 'phone'],
    mainField: 'name',
    codes: { status: { active: '在职' } },
  },
  'plugin::identity.captcha': {
    fields: {
      captchaId: ['验证码编号', ''],
      code: ['验证码', ''],
      expiresAt: ['过期时间', ''],
      usedAt: ['使用时间', '只能使用一次'],
    },
    list: ['captchaId', 'expiresAt', 'usedAt', 'createdAt'],
    mainField: 'captchaId',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::identity.rate-count': {
    fields: {
      scope: ['限流对象', '如匿名获取验证码的 IP'],
      slot: ['分钟', '自 1970 年起的分钟数'],
      hits: ['次数', '该分钟内的请求次数'],
    },
    list: ['scope', 'slot', 'hits', 'updatedAt'],
    mainField: 'scope',
    sort: ['updatedAt', 'DESC'],
  },
  'plugin::identity.partnership': {
    fields: {
      status: ['状态', '停止后销售方立即不能再向该供货方下单'],
      stoppedAt: ['停止时间', ''],
      stopReason: ['停止原因', ''],
    },
    list: ['status', 'supplierId', 'sellerId', 'stoppedAt', 'createdAt'],
    mainField: 'status',
    sort: ['createdAt', 'DESC'],
    codes: { status: { active: '合作中' } },
  },
  'plugin::identity.partnership-event': {
    fields: {
      partnershipId: ref('供销关系', '供销关系'),
      action: ['操作', ''],
      reason: ['原因', ''],
    },
    list: ['action', 'partnershipId', 'reason', 'operatorId', 'createdAt'],
    mainField: 'action',
    sort: ['createdAt', 'DESC'],
  },

  // ---- catalogue
  'plugin::catalogue.agreement': {
    fields: {
      number: ['协议编号', ''],
      title: ['协议标题', ''],
      terms: ['协议条款', ''],
      validFrom: day('生效日期', '；到该日自动生效'),
      validTo: day('到期日期', '；过该日自动到期'),
      attachmentIds: ids('附件', '附件'),
      status: ['状态', '草稿 → 已确认 → 生效中 → 已到期，或终止'],
      confirmedAt: ['确认时间', ''],
      terminatedAt: ['终止时间', ''],
      terminationReason: ['终止原因', ''],
    },
    list: ['number', 'title', 'supplierId', 'sellerId', 'status', 'validFrom', 'validTo'],
    mainField: 'title',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::catalogue.product': {
    fields: {
      name: ['产品名称', ''],
      description: ['产品描述', ''],
      status: ['状态', '只有已上架的产品能被订购'],
      referencePrice: money('参考价'),
      fulfilmentMode: ['履约方式', ''],
      stockMode: ['库存方式', ''],
      isCombo: ['组合产品', '由本供货方的其他（非组合）产品组成'],
      mainProductId: ref('主产品', '产品', '；组合产品的类别取自主产品'),
      comboItems: ['组合内容', '组合内的产品及数量，JSON，如 [{"productId": 3, "quantity": 2}]'],
      pictures: ids('图片', '附件'),
      scenicSpot: ['景区', '门票'],
      ticketType: ['票种', '门票'],
      entryRule: ['入园规则', '门票'],
      venue: ['用餐地点', '餐饮'],
      mealPeriod: ['餐段', '餐饮'],
      sku: ['SKU 编码', '零售'],
      spec: ['规格', '零售'],
      shippingRequired: ['需要发货', '零售'],
      faceValue: money('面值', '券'),
      couponValidFrom: day('券有效期起'),
      couponValidTo: day('券有效期止'),
      usageRules: ['使用规则', '券'],
    },
    list: ['name', 'category', 'status', 'referencePrice', 'supplierId', 'updatedAt'],
    mainField: 'name',
    sort: ['updatedAt', 'DESC'],
  },
  'plugin::catalogue.strategy': {
    fields: {
      name: ['策略名称', ''],
      effectiveFrom: day('开始日期'),
      effectiveTo: day('结束日期'),
      businessMode: ['业务模式', '销售方可用的付款账户'],
      appliesTo: ['适用范围', ''],
      sellerIds: ids('指定销售方', '企业'),
      requiresAudit: ['订单需审核', '政府企业客户订单须供货方审核'],
      status: ['状态', ''],
    },
    list: ['name', 'channel', 'businessMode', 'status', 'effectiveFrom', 'effectiveTo'],
    mainField: 'name',
    sort: ['updatedAt', 'DESC'],
    codes: { status: { active: '启用中' }, appliesTo: { all: '全部合作的销售方', named: '指定销售方' } },
  },
  'plugin::catalogue.strategy-line': {
    fields: {
      price: money('销售价'),
      settlementPrice: money('结算价'),
      minQuantity: ['起订量', '每单最少数量'],
      maxQuantity: ['限购量', '每单最多数量；空 = 不限'],
      dailyMax: ['每日限量', '每个销售方每天最多数量；空 = 不限'],
    },
    list: ['price', 'productId', 'strategyId', 'settlementPrice', 'minQuantity', 'maxQuantity'],
    mainField: 'price',
  },
  'plugin::catalogue.strategy-seller': {
    fields: {},
    list: ['createdAt', 'strategyId', 'sellerId'],
    mainField: 'createdAt',
  },

  // ---- collaboration
  'plugin::collaboration.opportunity': {
    fields: {
      title: ['商机标题', ''],
      kind: ['商机类型', ''],
      budgetMin: money('最低预算', '空 = 面议'),
      budgetMax: money('最高预算', '空 = 面议'),
      deadline: day('截止日期', '；截止后不能再响应'),
      description: ['商机描述', ''],
      responseCount: ['响应数', '系统维护'],
      closedAt: ['关闭时间', ''],
    },
    list: ['title', 'kind', 'publisherId', 'status', 'deadline', 'responseCount'],
    mainField: 'title',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::collaboration.opportunity-response': {
    fields: {
      opportunityId: ref('商机', '商机'),
      publisherId: enterprise('发布方', '商机发布方'),
      responderId: enterprise('响应方', '响应方'),
      responderUserId: user('响应人', '提交响应的登录账户编号（用户）'),
      message: ['响应内容', ''],
    },
    list: ['message', 'opportunityId', 'responderId', 'status', 'createdAt'],
    mainField: 'message',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::collaboration.resource': {
    fields: {
      ownerId: enterprise('提供方', '资源提供方'),
      title: ['资源标题', ''],
      type: ['资源类型', ''],
      description: ['资源描述', ''],
      pictureIds: ids('图片', '附件'),
      validFrom: day('有效期起'),
      validTo: day('有效期止'),
      status: ['状态', '已上架的资源不能修改，须先下架'],
      listedAt: ['上架时间', ''],
    },
    list: ['title', 'type', 'ownerId', 'status', 'region', 'listedAt'],
    mainField: 'title',
    sort: ['updatedAt', 'DESC'],
    codes: { status: { unlisted: '已下架' } },
  },
  'plugin::collaboration.resource-favourite': {
    fields: {
      enterpriseId: enterprise('企业', '收藏人所属'),
      resourceId: ref('资源', '资源'),
    },
    list: ['createdAt', 'resourceId', 'userId', 'enterpriseId'],
    mainField: 'createdAt',
    sort: ['createdAt', 'DESC'],
  },

  // ---- files
  'plugin::files.file': {
    fields: {
      ownerEnterpriseId: enterprise('所属企业', '上传方'),
      name: ['文件名', ''],
      mime: ['文件类型', 'MIME 类型，如 application/pdf'],
      size: ['大小', '单位：字节'],
      sha256: ['SHA-256 校验值', ''],
      storageKey: ['存储位置', '文件在私有存储中的键；勿手工修改'],
      uploadedBy: user('上传人', '上传的登录账户编号（用户）'),
    },
    list: ['name', 'mime', 'size', 'ownerEnterpriseId', 'createdAt'],
    mainField: 'name',
    sort: ['createdAt', 'DESC'],
  },

  // ---- incentives
  'plugin::incentives.incentive-rule': {
    fields: {
      name: ['规则名称', ''],
      pointsKind: ['分值类型', ''],
      beneficiary: ['受益方', ''],
      event: ['触发事件', ''],
      method: ['计算方式', ''],
      amount: ['数值', '每单分值（≤ 100000）、每件分值（≤ 10000）或万分比（≤ 10000），按计算方式'],
      supplierId: pointsAt('企业', ['限供货方', '供货方企业的编号（企业）；只对该供货方的订单生效，空 = 不限']),
      category: ['限产品类别', '空 = 不限'],
      productId: ref('限产品', '产品', '；空 = 不限'),
      channel: ['限渠道', '空 = 不限'],
      validFrom: ['生效日期', ''],
      validTo: ['到期日期', ''],
      priority: ['优先级', '范围相同的规则中数值大者优先（范围：产品 > 类别 > 供货方 > 渠道 > 不限）'],
      active: ['启用', ''],
    },
    list: ['name', 'pointsKind', 'event', 'method', 'amount', 'active', 'validTo'],
    mainField: 'name',
    sort: ['updatedAt', 'DESC'],
    codes: { beneficiary: { both: '双方' } },
  },
  'plugin::incentives.incentive-record': {
    fields: {
      eventKey: ['事件键', '同一订单事件只计一次（系统生成）'],
      enterpriseId: enterprise('企业', '得分'),
      counterpartyId: enterprise('交易对方', '交易对方'),
      side: ['我方角色', ''],
      kind: ['分值类型', ''],
      event: ['事件', ''],
      points: ['分值', '冲回为负数'],
      ruleId: ref('激励规则', '激励规则'),
      ruleName: ['规则名称', '计分时的规则名称'],
      orderNumber: ['订单号', ''],
      basisAmount: money('计算金额'),
      refundedBefore: money('此前已退金额'),
      sourceRecordId: ref('被冲回的明细', '激励明细'),
      lineIds: ids('订单明细', '订单明细'),
    },
    list: ['orderNumber', 'enterpriseId', 'kind', 'event', 'points', 'ruleName', 'createdAt'],
    mainField: 'orderNumber',
    sort: ['createdAt', 'DESC'],
  },

  // ---- inventory
  'plugin::inventory.stock-item': {
    fields: {
      total: ['总量', ''],
      reserved: ['占用', '已预占未售出'],
      sold: ['已售', ''],
    },
    list: ['slot', 'productId', 'total', 'reserved', 'sold', 'updatedAt'],
    mainField: 'slot',
    sort: ['updatedAt', 'DESC'],
  },
  'plugin::inventory.stock-movement': {
    fields: {
      kind: ['变动类型', ''],
      totalDelta: ['总量变化', ''],
      reservedDelta: ['占用变化', ''],
      soldDelta: ['已售变化', ''],
      reference: ['业务参考号', '如订单明细的预占键'],
    },
    list: ['kind', 'slot', 'productId', 'totalDelta', 'reservedDelta', 'soldDelta', 'createdAt'],
    mainField: 'reference',
    sort: ['createdAt', 'DESC'],
    codes: { kind: { release: '释放预占' } },
  },
  'plugin::inventory.stock-policy': {
    fields: { mode: ['库存方式', ''] },
    list: ['mode', 'productId', 'supplierId', 'updatedAt'],
    mainField: 'mode',
  },
  'plugin::inventory.stock-reservation': {
    fields: {
      reference: ['预占键', '订单明细的预占键'],
      managed: ['平台管理库存', '否 = 该产品不限库存，只作记录'],
      returnedQuantity: ['已退回数量', '售出后因退款退回库存的数量；全部退回时状态为已退回'],
      status: ['状态', ''],
      expiresAt: ['过期时间', '过期未售出则由定时任务释放'],
      resolvedAt: ['结束时间', '释放、售出或过期的时间'],
    },
    list: ['reference', 'productId', 'slot', 'quantity', 'status', 'expiresAt'],
    mainField: 'reference',
    sort: ['createdAt', 'DESC'],
    codes: { status: { active: '预占中', expired: '已过期释放' } },
  },

  // ---- ledger
  'plugin::ledger.account': {
    fields: {
      kind: ['账户类型', ''],
      status: ['状态', '停用后不能再用该账户支付新订单'],
      creditLimit: money('赊销额度'),
      validFrom: day('有效期起', '（赊销账户）'),
      validTo: day('有效期止', '（赊销账户）'),
      debitsPending: money('借方冻结', '由交易流水计算，只有账务服务能改'),
      debitsPosted: money('借方已入账', '由交易流水计算，只有账务服务能改'),
      creditsPending: money('贷方冻结', '由交易流水计算，只有账务服务能改'),
      creditsPosted: money('贷方已入账', '由交易流水计算，只有账务服务能改'),
    },
    list: ['kind', 'supplierId', 'sellerId', 'status', 'creditLimit', 'validTo', 'createdAt'],
    mainField: 'kind',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::ledger.account-change': {
    fields: {
      action: ['变更', ''],
      before: ['变更前', 'JSON'],
      after: ['变更后', 'JSON'],
    },
    list: ['action', 'accountId', 'note', 'operatorId', 'createdAt'],
    mainField: 'action',
    sort: ['createdAt', 'DESC'],
    codes: { action: { open: '开户', enable: '启用', disable: '停用', limit: '调整额度或有效期' } },
  },
  'plugin::ledger.adjustment': {
    fields: {
      accountId: pointsAt('账户', ['账户', '要调整的销售方预付款或赊销账户的编号（账户）']),
      amount: money('调账金额', '正数调增可用余额（赊销：冲减欠款），负数调减；保存即记账，不可修改'),
      reason: ['调账原因', '必填；写入交易流水的备注，供货方和销售方都能看到'],
      transferId: ['交易编号', '保存时由系统生成（对应交易流水），无需填写'],
      adminId: ['操作管理员', '提交调账的后台管理员的编号（管理员）；保存时自动记录'],
    },
    list: ['reason', 'amount', 'accountId', 'createdAt'],
    mainField: 'reason',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::ledger.transfer': {
    fields: {
      transferId: ['交易编号', '由服务器生成，唯一'],
      debitAccountId: ref('借方账户', '账户'),
      creditAccountId: ref('贷方账户', '账户'),
      amount: money('金额'),
      flag: ['记账方式', ''],
      pendingId: ['对应冻结交易', '确认或撤销的冻结交易的交易编号'],
      kind: ['交易类型', ''],
      accountId: pointsAt('账户', ['账户', '销售方账户的编号（账户）；该笔流水显示在这个账户下']),
      direction: ['方向', '对销售方账户而言'],
      availableAfter: money('交易后可用'),
      frozenAfter: money('交易后冻结'),
      orderRef: ['订单号', ''],
      operatorLabel: ['系统操作方', '由定时任务或系统动作产生时的来源，如 job:orders.close-expired'],
    },
    list: ['kind', 'amount', 'direction', 'accountId', 'orderRef', 'createdAt'],
    codes: { kind: { limit: '额度或有效期变更（金额为 0，不改变余额）' } },
    mainField: 'transferId',
    sort: ['createdAt', 'DESC'],
  },

  // ---- messaging
  'plugin::messaging.announcement': {
    fields: {
      publisherId: pointsAt('企业', ['发布方', '发布方企业的编号（企业）；空 = 平台运营方']),
      type: ['公告类型', ''],
      title: ['公告标题', ''],
      body: ['公告内容', '富文本，保存时自动清理'],
      publishAt: ['定时发布时间', '状态为 scheduled 时由定时任务在该时间发布并通知'],
      pinned: ['置顶', ''],
      status: ['状态', ''],
      releasedAt: ['发布时间', '公告实际发出的时间'],
    },
    list: ['title', 'type', 'audience', 'status', 'publishAt', 'releasedAt', 'pinned'],
    mainField: 'title',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::messaging.announcement-read': {
    fields: { announcementId: ref('公告', '公告') },
    list: ['createdAt', 'announcementId', 'userId'],
    mainField: 'createdAt',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::messaging.conversation': {
    fields: {
      initiatorId: enterprise('发起方', '发起方'),
      recipientId: enterprise('接收方', '接收方'),
      subjectType: ['主题类型', ''],
      subjectId: ['主题', '资源或商机的编号（资源 / 商机），按主题类型'],
      subjectTitle: ['主题', ''],
      threadKey: ['会话键', '同一对企业、同一主题只有一个会话（系统生成）'],
      lastMessageAt: ['最新消息时间', ''],
      lastMessagePreview: ['最新消息', ''],
      initiatorUnread: ['发起方未读', ''],
      recipientUnread: ['接收方未读', ''],
      messageCount: ['消息数', ''],
    },
    list: ['subjectTitle', 'subjectType', 'initiatorId', 'recipientId', 'messageCount', 'lastMessageAt'],
    mainField: 'subjectTitle',
    sort: ['lastMessageAt', 'DESC'],
    codes: { subjectType: { plain: '普通交流' } },
  },
  'plugin::messaging.conversation-message': {
    fields: {
      conversationId: ref('会话', '交流会话'),
      senderEnterpriseId: enterprise('发送企业', '发送方'),
      receiverEnterpriseId: enterprise('接收企业', '接收方'),
      senderUserId: user('发送人', '发送的登录账户编号（用户）'),
      body: ['消息内容', ''],
    },
    list: ['body', 'conversationId', 'senderEnterpriseId', 'createdAt'],
    mainField: 'body',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::messaging.notification': {
    fields: {
      userId: user('收件人', '收件的登录账户编号（用户）'),
      enterpriseId: enterprise('企业', '收件人所属'),
      type: ['消息类型', ''],
      titleKey: ['标题类别', '标题的种类（控制台按阅读者的语言显示标题）；空为旧消息，显示存下的标题'],
      titleParams: ['标题参数', '标题中的订单号、企业名等'],
      link: ['链接', '控制台内的页面地址'],
      read: ['已读', ''],
      readAt: ['阅读时间', ''],
    },
    list: ['title', 'type', 'userId', 'read', 'createdAt'],
    mainField: 'title',
    sort: ['createdAt', 'DESC'],
  },

  // ---- orders
  'plugin::orders.order': {
    fields: {
      number: ['订单号', 'YYYYMMDD + 编号'],
      status: ['订单状态', '只能通过订单服务的状态机改变'],
      paymentMode: ['结算方式', ''],
      accountId: ref('付款账户', '账户'),
      totalAmount: money('订单金额'),
      paidAmount: money('已付金额'),
      refundedAmount: money('已退金额'),
      freezeTransferId: ['冻结交易编号', '下单时冻结金额的交易（交易流水）'],
      expiresAt: ['支付截止时间', '过时未支付由定时任务关闭'],
      customerName: ['客户姓名', ''],
      customerPhone: ['联系电话', ''],
      customerIdNo: ['证件号码', ''],
      companyName: ['单位名称', '政府企业客户'],
      invoiceTitle: ['发票抬头', ''],
      invoiceTaxNo: ['纳税人识别号', ''],
      visitDate: day('使用日期'),
      remarks: ['备注', ''],
      receiverName: ['收货人', '快递发货的商品'],
      receiverPhone: ['收货人电话', '快递发货的商品'],
      receiverAddress: ['收货地址', '快递发货的商品'],
      refundFromStatus: ['申请退款前状态', ''],
      refundLineIds: ids('申请退款的明细', '订单明细'),
      refundLines: ['申请退款的数量', '待审核的退款申请：[{ lineId 订单明细编号, quantity 退款数量 }]'],
      refundReason: ['退款原因', ''],
      placedBy: user('下单人', '下单的登录账户编号（用户）'),
      employeeId: ref('下单员工', '员工', '；员工内购订单'),
    },
    list: ['number', 'channel', 'sellerId', 'supplierId', 'status', 'totalAmount', 'createdAt'],
    mainField: 'number',
    sort: ['createdAt', 'DESC'],
    codes: { paymentMode: { credit: '赊销' }, status: { closed: '已关闭（超时或停止合作）' } },
  },
  'plugin::orders.order-line': {
    fields: {
      productName: ['产品名称', '下单时的名称'],
      category: ['产品类别', ''],
      isCombo: ['组合产品', ''],
      strategyId: ref('销售策略', '销售策略', '；价格取自该策略'),
      day: day('使用日期'),
      unitPrice: money('单价', '下单时策略的价格'),
      amount: money('小计'),
      refundedQuantity: ['已退数量', '已退款的份数；全部退完时履约状态为已退款'],
      fulfilmentStatus: ['履约状态', '订单取消、驳回时为已取消，超时关闭时为已关闭'],
      confirmationCode: ['确认码', ''],
      courierCompany: ['快递公司', ''],
      trackingNumber: ['快递单号', ''],
      fulfilledAt: ['履约时间', ''],
      fulfilmentMode: ['履约方式', '下单时产品的履约方式；快递发货的订单带收货人'],
      usedQuantity: ['已使用数量', '已履约为全部未退份数，部分使用为实际使用的份数，履约失败为 0'],
      failureReason: ['履约失败原因', ''],
    },
    list: ['productName', 'orderId', 'quantity', 'unitPrice', 'amount', 'fulfilmentStatus'],
    mainField: 'productName',
    sort: ['createdAt', 'DESC'],
    codes: { fulfilmentStatus: { pending: '待履约', partial: '部分使用（未用的份数可退）', failed: '履约失败（可退款）', closed: '已关闭（订单超时）' } },
  },
  'plugin::orders.order-event': {
    fields: {
      action: ['操作', '如 create、pay、cancel、fulfil、request-refund'],
      fromStatus: ['原状态', ''],
      toStatus: ['新状态', ''],
      actorId: user('操作人', '操作的登录账户编号（用户）；空 = 系统'),
      actorEnterpriseId: enterprise('操作企业', '操作人所属'),
      lineId: ['订单明细', '订单明细的编号（订单明细）；履约与更正履约'],
      detail: ['履约内容', '履约与更正履约：{ before 更正前, after 更正后 }'],
    },
    list: ['action', 'orderId', 'fromStatus', 'toStatus', 'actorId', 'createdAt'],
    mainField: 'action',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::orders.order-request': {
    fields: {
      key: ['幂等键', '请求头 Idempotency-Key（按企业区分）'],
      action: ['请求', '创建、支付或退款'],
      fingerprint: ['请求摘要', '同一个键、不同请求内容将被拒绝（422）'],
    },
    list: ['key', 'action', 'orderId', 'createdAt'],
    mainField: 'key',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::orders.cart-item': {
    fields: {
      userId: user('用户', '购物车所属的登录账户编号（用户）'),
      sellerId: enterprise('销售方', '销售方'),
      day: day('使用日期'),
      unitPrice: money('加入时的单价'),
    },
    list: ['day', 'productId', 'userId', 'channel', 'quantity', 'unitPrice'],
    mainField: 'day',
    sort: ['createdAt', 'DESC'],
  },
  'plugin::orders.sales-day': {
    fields: {
      day: day('下单日期'),
      channel: ['渠道', 'individual 个人客户；gov 政府企业客户；employee 员工内购'],
      orders: ['订单数', '已支付的订单'],
      amount: money('销售金额'),
      refunded: money('退款金额'),
      refundedQuantity: ['退款数量', '已退款的数量（净数量 = 数量 − 退款数量）'],
    },
    list: ['day', 'supplierId', 'sellerId', 'channel', 'orders', 'amount', 'refunded'],
    mainField: 'day',
    sort: ['day', 'DESC'],
  },
  'plugin::orders.product-sales-day': {
    fields: {
      side: ['统计方', 'supplier 供货方；seller 销售方'],
      enterpriseId: enterprise('企业', '统计方'),
      day: day('下单日期'),
      productName: ['产品名称', ''],
      orders: ['订单数', '已支付的订单'],
      amount: money('销售金额'),
      refunded: money('退款金额'),
      refundedQuantity: ['退款数量', '已退款的数量（净数量 = 数量 − 退款数量）'],
    },
    list: ['day', 'productName', 'side', 'enterpriseId', 'quantity', 'amount'],
    mainField: 'productName',
    sort: ['day', 'DESC'],
  },

  // ---- scheduler
  'plugin::scheduler.job-lease': {
    fields: {
      name: ['任务名称', '如 orders.close-expired'],
      holder: ['执行实例', '当前持有该任务的服务器实例'],
      leasedUntil: ['持有至', '过时未续则其他实例可接手'],
      lastStartedAt: ['上次开始', ''],
      lastFinishedAt: ['上次结束', ''],
      lastResult: ['上次结果', 'JSON'],
      lastError: ['上次错误', ''],
      runs: ['运行次数', ''],
    },
    list: ['name', 'holder', 'leasedUntil', 'lastFinishedAt', 'runs', 'lastError'],
    mainField: 'name',
    sort: ['name', 'ASC'],
  },

  // ---- login accounts (users-permissions, extended by cms/src/extensions/users-permissions)
  'plugin::users-permissions.user': {
    fields: {
      username: ['账号', '控制台登录账号'],
      email: ['邮箱', '也可用于登录'],
      provider: ['登录方式', 'local = 账号密码'],
      password: ['密码', '加密保存；请在企业控制台中重置'],
      resetPasswordToken: ['重置密码令牌', '系统维护'],
      confirmationToken: ['邮箱确认令牌', '系统维护'],
      confirmed: ['已确认', ''],
      blocked: ['已停用', '停用后该账号立即不能使用'],
      role: ['Strapi 角色', 'users-permissions 的角色（权限以企业角色为准）'],
      enterpriseId: enterprise('所属企业', '所属'),
      isEnterpriseAdmin: ['企业管理员', ''],
      displayName: ['姓名', ''],
      enterpriseRoles: ['企业角色', '该账号在企业内的角色'],
      failedLogins: ['登录失败次数', '系统维护'],
      firstFailedAt: ['首次登录失败时间', '系统维护'],
      lockedUntil: ['锁定至', '连续登录失败后锁定到该时间'],
      tokenVersion: ['令牌版本', '系统维护；加一使该账号已登录的会话全部失效'],
    },
    list: ['username', 'displayName', 'enterpriseId', 'isEnterpriseAdmin', 'blocked', 'createdAt'],
    mainField: 'username',
    sort: ['createdAt', 'DESC'],
  },
};
