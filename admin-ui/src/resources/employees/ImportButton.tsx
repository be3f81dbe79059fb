import { useRef, useState, type ChangeEvent } from 'react';
import {
  Alert,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Button as MuiButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import UploadIcon from '@mui/icons-material/Upload';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRefresh,
  useTranslate,
  useTranslateLabel,
} from 'react-admin';
import type { CopDataProvider, ImportPreview, ImportRowError } from '../../dataProvider';

interface ImportFailure {
  message: string;
  fileError?: string;
  rows: ImportRowError[];
}

export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A row problem in the UI language: its field's label and its message ('姓名：不能为空'). */
function useRowProblem() {
  const translateLabel = useTranslateLabel();
  const [locale] = useLocaleState();
  const fieldLabel = (field: string) => (field ? translateLabel({ source: field, resource: 'employees' }) : '');
  const messageOf = (error: ImportRowError) => (locale === 'en' && error.messageEn ? error.messageEn : error.message);
  const problem = (error: ImportRowError) => {
    const field = fieldLabel(error.field);
    return field ? `${field}：${messageOf(error)}` : messageOf(error);
  };
  return { fieldLabel, messageOf, problem };
}

/**
 * 导入: choose an .xlsx, see the preview (the import's dry run: every row with 可导入 or its problems,
 * nothing written yet), then 确认导入 writes the rows in one transaction — offered only while no row is
 * invalid. A file the server refuses as a whole (not a workbook, no rows) is reported in a dialog.
 */
export const ImportButton = () => {
  const translate = useTranslate();
  const { fieldLabel, messageOf, problem } = useRowProblem();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CopDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'employees', action: 'create' });
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [preview, setPreview] = useState<{ file: File; result: ImportPreview } | null>(null);

  if (!canAccess) return null;

  const refused = (e: any) => {
    const body = e?.body ?? {};
    if (e?.status === 400 || Array.isArray(body.rows)) {
      setFailure({
        message: e?.message || translate('cop.employees.import_failed_title'),
        fileError: body.errors?.file,
        rows: Array.isArray(body.rows) ? body.rows : [],
      });
    } else {
      notify(e?.message || 'ra.notification.http_error', { type: 'error' });
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again must read it again
    if (!file) return;
    setBusy(true);
    try {
      setPreview({ file, result: await dataProvider.previewEmployeeImport(file) });
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const { imported, skipped } = await dataProvider.importEmployees(preview.file);
      notify(skipped?.length ? 'cop.employees.import_done_skipped' : 'cop.employees.import_done', {
        type: 'success',
        messageArgs: { smart_count: imported ?? 0, rows: (skipped ?? []).join('、') },
      });
      setPreview(null);
      refresh();
    } catch (e) {
      // the data changed since the preview (a number taken meanwhile): the refusal lists the rows
      setPreview(null);
      refused(e);
    } finally {
      setBusy(false);
    }
  };

  const result = preview?.result;
  return (
    <>
      <input ref={input} type="file" accept={XLSX_ACCEPT} hidden onChange={choose} data-testid="employees-import" />
      <Button
        label={busy ? 'cop.employees.importing' : 'cop.employees.import'}
        onClick={() => input.current?.click()}
        disabled={busy}
        data-testid="employees-import-button"
      >
        <UploadIcon />
      </Button>
      <Dialog open={!!result} onClose={() => !busy && setPreview(null)} maxWidth="md" fullWidth data-testid="employees-import-preview">
        <DialogTitle>{translate('cop.employees.preview_title', { name: preview?.file.name ?? '' })}</DialogTitle>
        <DialogContent>
          {result ? (
            <>
              <Alert severity={result.invalid ? 'warning' : 'success'} sx={{ mb: 2 }} data-testid="import-preview-summary">
                {translate('cop.employees.preview_summary', { total: result.total, valid: result.valid, invalid: result.invalid })}
                {result.skipped.length ? ` ${translate('cop.employees.preview_skipped', { rows: result.skipped.join('、') })}` : ''}
                {result.invalid ? ` ${translate('cop.employees.preview_fix')}` : ''}
              </Alert>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('cop.employees.row')}</TableCell>
                    <TableCell>{translate('resources.employees.fields.employeeNo')}</TableCell>
                    <TableCell>{translate('resources.employees.fields.name')}</TableCell>
                    <TableCell>{translate('resources.employees.fields.department')}</TableCell>
                    <TableCell>{translate('cop.employees.result')}</TableCell>
                    <TableCell>{translate('cop.employees.message')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {result.rows.map((row) => (
                    <TableRow key={row.row} data-testid={`import-preview-row-${row.row}`} data-result={row.result}>
                      <TableCell>{row.row}</TableCell>
                      <TableCell>{row.employeeNo ?? '-'}</TableCell>
                      <TableCell>{row.name ?? '-'}</TableCell>
                      <TableCell>{row.department ?? '-'}</TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          color={row.result === 'ok' ? 'success' : 'error'}
                          label={translate(`cop.employees.result_${row.result}`)}
                        />
                      </TableCell>
                      <TableCell>{row.errors.map(problem).join('；') || '-'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setPreview(null)} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            variant="contained"
            onClick={() => void commit()}
            disabled={busy || !result || !!result.invalid || !result.valid}
            data-testid="employees-import-confirm"
          >
            {translate('cop.employees.import_confirm', { smart_count: result?.valid ?? 0 })}
          </MuiButton>
        </DialogActions>
      </Dialog>
      <Dialog open={!!failure} onClose={() => setFailure(null)} maxWidth="md" fullWidth data-testid="employees-import-errors">
        <DialogTitle>{translate('cop.employees.import_failed_title')}</DialogTitle>
        <DialogContent>
          <Alert severity="error" sx={{ mb: 2 }}>
            {failure?.message}
            {failure?.fileError && failure.fileError !== failure.message ? ` ${failure.fileError}` : null}
          </Alert>
          {failure?.rows.length ? (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('cop.employees.row')}</TableCell>
                  <TableCell>{translate('cop.employees.field')}</TableCell>
                  <TableCell>{translate('cop.employees.message')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {failure.rows.map((row, index) => (
                  <TableRow key={`${row.row}-${row.field}-${index}`} data-testid="import-row-error">
                    <TableCell>{row.row}</TableCell>
                    <TableCell>{fieldLabel(row.field)}</TableCell>
                    <TableCell>{messageOf(row)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setFailure(null)}>{translate('ra.action.close')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
