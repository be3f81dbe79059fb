import fs from 'fs';
import type { Core } from '@strapi/types';
import { DomainError, errors, invalid } from '@cop/config';
import { convert, isUniqueViolation } from '@cop/plugin-console';
import type { FieldSpec, Principal } from '@cop/plugin-console';
import { EMPLOYEE } from '../uids';

const t = errors.text;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

/** Columns of the import template, in order: header (zh / en) and the field they fill. */
export const IMPORT_COLUMNS = [
  { field: 'employeeNo', header: '工号 Employee No.*' },
  { field: 'name', header: '姓名 Name*' },
  { field: 'phone', header: '手机 Phone' },
  { field: 'email', header: '邮箱 Email' },
  { field: 'department', header: '部门 Department' },
  { field: 'position', header: '职位 Position' },
] as const;

/**
 * The template's example row is marked in a note column after the data columns; rows whose note starts
 * with 示例 / example are skipped on import, as is a row equal to the example (templates from before the mark).
 */
export const NOTE_COLUMN = IMPORT_COLUMNS.length + 1;
export const EXAMPLE_NOTE = '示例行，导入时跳过 Example row, skipped on import';
export const EXAMPLE_ROW = { employeeNo: 'E0001', name: '张三', phone: '13800000000', email: 'zhangsan@example.com', department: '销售部', position: '经理' };
const isExampleNote = (note: string) => /^(示例|example)/i.test(note);
const isExampleRow = (values: string[]) => IMPORT_COLUMNS.every((column, index) => values[index] === EXAMPLE_ROW[column.field]);

export interface RowError { row: number; field: string; message: string; messageEn: string }
type ImportFile = { filepath?: string; size?: number; originalFilename?: string };

/** Employees (staff records) of an enterprise, including the all-or-nothing Excel import. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async assertNumberFree(enterpriseId: number, employeeNo: unknown, exceptId?: number) {
    if (typeof employeeNo !== 'string') return;
    const taken = await strapi.db.query(EMPLOYEE).findOne({
      where: { enterpriseId, employeeNo, ...(exceptId ? { id: { $ne: exceptId } } : {}) }, select: ['id'],
    });
    if (taken) throw invalid({ employeeNo: t('工号已存在', 'is already used by another employee') });
  },

  async create(principal: Principal, data: Record<string, unknown>) {
    await this.assertNumberFree(principal.enterpriseId, data.employeeNo);
    return strapi.db.query(EMPLOYEE).create({ data: { ...data, enterpriseId: principal.enterpriseId } });
  },

  async update(principal: Principal, id: number, data: Record<string, unknown>) {
    await this.assertNumberFree(principal.enterpriseId, data.employeeNo, id);
    const before = await strapi.db.query(EMPLOYEE).findOne({ where: { id }, select: ['id', 'state'] });
    const row = await strapi.db.query(EMPLOYEE).update({ where: { id }, data });
    // an employee who leaves is signed out of the mini program for good, even if taken back later
    if (data.state === 'left' && before?.state !== 'left') await this.revokeMiniTokens(id);
    return row;
  },

  /** Every mini-program token of the employee stops working (sign-out, new password, leaving). */
  async revokeMiniTokens(id: number): Promise<void> {
    await strapi.db.transaction(({ trx }) => trx('employees').where({ id }).increment('mini_token_version', 1));
  },

  /** The employee's mini-program password (bcrypt), set by the enterprise admin. */
  async setMiniPassword(existing: { id: number; state: string }, password: unknown) {
    const { PASSWORD_RULE, PASSWORD_TEXT } = require('./accounts');
    if (typeof password !== 'string' || !PASSWORD_RULE.test(password)) throw invalid({ password: PASSWORD_TEXT });
    const hash = await require('bcryptjs').hash(password, 10);
    // a new password lifts the lock and signs out every device that used the old one
    await strapi.db.query(EMPLOYEE).update({
      where: { id: existing.id }, data: { miniPassword: hash, miniFailedLogins: 0, miniFirstFailedAt: null, miniLockedUntil: null },
    });
    await this.revokeMiniTokens(existing.id);
    return strapi.db.query(EMPLOYEE).findOne({ where: { id: existing.id } });
  },

  async template(): Promise<Buffer> {
    const ExcelJS = require('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('员工 Employees');
    sheet.columns = [
      ...IMPORT_COLUMNS.map((column) => ({ header: column.header, key: column.field, width: 22 })),
      { header: '说明 Note', key: 'note', width: 40 },
    ];
    sheet.getRow(1).font = { bold: true };
    const example = sheet.addRow({ ...EXAMPLE_ROW, note: EXAMPLE_NOTE });
    example.font = { italic: true, color: { argb: 'FF888888' } };
    return Buffer.from(await workbook.xlsx.writeBuffer());
  },

  /**
   * Read an import file: every data row checked with the same field rules as the console form, against
   * the other rows and the enterprise's employees (工号 unique). Writes nothing. Problems with the file
   * itself (not a workbook, too big, no rows) are a 400 naming `file`.
   */
  async readImport(principal: Principal, file: ImportFile | undefined, fields: Record<string, FieldSpec>) {
    if (!file?.filepath) throw invalid({ file: t('请上传 .xlsx 文件（字段名 file）', 'is required: upload an .xlsx file as field "file"') });
    if ((file.size ?? 0) > MAX_IMPORT_BYTES) throw invalid({ file: t('文件不能超过 5 MB', 'must be at most 5 MB') });
    const head = Buffer.alloc(4);
    const fd = fs.openSync(file.filepath, 'r');
    try { fs.readSync(fd, head, 0, 4, 0); } finally { fs.closeSync(fd); }
    if (head.toString('latin1', 0, 2) !== 'PK') throw invalid({ file: t('不是 .xlsx 文件', 'is not an .xlsx file') });

    const ExcelJS = require('exceljs');
    const workbook = new ExcelJS.Workbook();
    try { await workbook.xlsx.readFile(file.filepath); } catch {
      throw invalid({ file: t('无法读取该 Excel 文件', 'could not be read as an Excel workbook') });
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw invalid({ file: t('文件中没有工作表', 'contains no worksheet') });

    const rowErrors: RowError[] = [];
    const records: Record<string, unknown>[] = [];
    const seen = new Map<string, number>();
    const lastRow = sheet.actualRowCount;
    if (lastRow - 1 > MAX_IMPORT_ROWS) throw invalid({ file: t(`一次最多导入 ${MAX_IMPORT_ROWS} 行`, `can hold at most ${MAX_IMPORT_ROWS} rows`) });
    const skipped: number[] = [];
    sheet.eachRow({ includeEmpty: false }, (row: any, rowNumber: number) => {
      if (rowNumber === 1) return;
      const values = IMPORT_COLUMNS.map((_column, index) => cellText(row.getCell(index + 1).value));
      // the template's example row (marked 示例 in the note column, or left as downloaded) is not an employee
      if (isExampleNote(cellText(row.getCell(NOTE_COLUMN).value)) || isExampleRow(values)) { skipped.push(rowNumber); return; }
      const record: Record<string, unknown> = {};
      IMPORT_COLUMNS.forEach((column, index) => {
        const raw = values[index];
        const result = convert(fields[column.field], raw === '' ? null : raw);
        if (!result.ok) rowErrors.push({ row: rowNumber, field: column.field, message: result.error.zh, messageEn: result.error.en });
        else record[column.field] = result.value;
      });
      const no = record.employeeNo as string | undefined;
      if (no) {
        if (seen.has(no)) rowErrors.push({ row: rowNumber, field: 'employeeNo', message: `工号与第 ${seen.get(no)} 行重复`, messageEn: `duplicates row ${seen.get(no)}` });
        else seen.set(no, rowNumber);
      }
      records.push({ ...record, __row: rowNumber, __values: values });
    });
    if (!records.length && !rowErrors.length) throw invalid({ file: t('文件中没有数据行', 'contains no data rows') });
    if (seen.size) {
      const existing = await strapi.db.query(EMPLOYEE).findMany({
        where: { enterpriseId: principal.enterpriseId, employeeNo: { $in: [...seen.keys()] } }, select: ['employeeNo'],
      });
      for (const { employeeNo } of existing as { employeeNo: string }[]) {
        rowErrors.push({ row: seen.get(employeeNo)!, field: 'employeeNo', message: '工号已存在', messageEn: 'is already used by another employee' });
      }
    }
    rowErrors.sort((a, b) => a.row - b.row);
    return { records, rowErrors, skipped };
  },

  /**
   * 预览 (the import's dry run): what importing the file would do, row by row — each data row with what
   * it holds and `ok`, or `invalid` with its problems; the template's example rows as `skipped`. Writes
   * nothing; importing the same file then writes exactly the `ok` rows, or nothing while any is invalid.
   */
  async previewImport(principal: Principal, file: ImportFile | undefined, fields: Record<string, FieldSpec>) {
    const { records, rowErrors, skipped } = await this.readImport(principal, file, fields);
    const rows = records.map(({ __row, __values }) => {
      const errors = rowErrors.filter((error) => error.row === __row);
      const shown = Object.fromEntries(IMPORT_COLUMNS.map((column, index) => [column.field, (__values as string[])[index] || null]));
      return { row: __row as number, ...shown, result: errors.length ? 'invalid' : 'ok', errors };
    });
    const invalidRows = rows.filter((row) => row.result === 'invalid').length;
    return { total: rows.length, valid: rows.length - invalidRows, invalid: invalidRows, skipped, rows };
  },

  /**
   * Import an .xlsx: every row is checked with the same field rules as the console form; if any row is
   * bad, nothing is written and every problem is reported with its row number and field. The rows are
   * written in one transaction (all or none).
   */
  async importFile(principal: Principal, file: ImportFile | undefined, fields: Record<string, FieldSpec>) {
    const { records, rowErrors, skipped } = await this.readImport(principal, file, fields);
    if (rowErrors.length) {
      throw new DomainError(400, 'IMPORT_INVALID',
        t(`导入失败：${rowErrors.length} 处错误，未导入任何数据`, `Import refused: ${rowErrors.length} problems, nothing was imported`),
        { file: t('文件中有错误行', 'has invalid rows') }, { rows: rowErrors });
    }
    const data = records.map(({ __row, __values, ...record }) => ({ ...record, state: 'active', enterpriseId: principal.enterpriseId }));
    try {
      await strapi.db.transaction(async () => {
        for (let i = 0; i < data.length; i += 500) await strapi.db.query(EMPLOYEE).createMany({ data: data.slice(i, i + 500) });
      });
    } catch (error) {
      // a number taken since the file was checked (another import or a new employee at the same moment)
      if (isUniqueViolation(error)) throw invalid({ file: t('文件中的工号已被使用（可能刚被其他操作录入），未导入任何数据', 'an employee number in the file is already taken (perhaps just now); nothing was imported') });
      throw error;
    }
    return { imported: data.length, ...(skipped.length ? { skipped } : {}) };
  },
});

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const v = value as { text?: unknown; richText?: { text: string }[]; result?: unknown; hyperlink?: string };
    if (v.richText) return v.richText.map((part) => part.text).join('').trim();
    if (v.text !== undefined) return String(v.text).trim();
    if (v.result !== undefined) return String(v.result).trim();
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}
