import { useRef, useState, type ChangeEvent } from 'react';
import {
  Alert,
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
  useNotify,
  useRefresh,
  useTranslate,
  useTranslateLabel,
} from 'react-admin';
import type { CopDataProvider, ImportRowError } from '../../dataProvider';

interface ImportFailure {
  message: string;
  fileError?: string;
  rows: ImportRowError[];
}

export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 导入: uploads an .xlsx (multipart field `file`); every rejected row is listed in a dialog. */
export const ImportButton = () => {
  const translate = useTranslate();
  const translateLabel = useTranslateLabel();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CopDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'employees', action: 'create' });
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  if (!canAccess) return null;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again must upload again
    if (!file) return;
    setBusy(true);
    try {
      const { imported, skipped } = await dataProvider.importEmployees(file);
      notify(skipped?.length ? 'cop.employees.import_done_skipped' : 'cop.employees.import_done', {
        type: 'success',
        messageArgs: { smart_count: imported ?? 0, rows: (skipped ?? []).join('、') },
      });
      refresh();
    } catch (e: any) {
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
    } finally {
      setBusy(false);
    }
  };

  const fieldLabel = (field: string) =>
    field ? translateLabel({ source: field, resource: 'employees' }) : '';

  return (
    <>
      <input
        ref={input}
        type="file"
        accept={XLSX_ACCEPT}
        hidden
        onChange={upload}
        data-testid="employees-import"
      />
      <Button
        label={busy ? 'cop.employees.importing' : 'cop.employees.import'}
        onClick={() => input.current?.click()}
        disabled={busy}
        data-testid="employees-import-button"
      >
        <UploadIcon />
      </Button>
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
                    <TableCell>{row.message}</TableCell>
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
