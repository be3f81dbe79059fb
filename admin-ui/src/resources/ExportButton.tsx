import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import type { CopDataProvider } from '../dataProvider';
import { saveBlob } from './shared';

type Downloaded = { blob: Blob; filename?: string };

/**
 * Fetches a file (the API answers downloads to the bearer token only, so a plain link cannot) and
 * saves it under the server's file name, else `fallbackName` (a translation key); failures are notified.
 */
export function useDownload() {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async (fetchFile: () => Promise<Downloaded>, fallbackName: string) => {
    setBusy(true);
    try {
      const { blob, filename } = await fetchFile();
      saveBlob(blob, filename || translate(fallbackName));
    } catch (e: any) {
      notify(e?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/**
 * 导出: the Excel workbook of the list in context (GET /<resource>/export with its filters and sort,
 * so the workbook holds exactly the rows the list shows), saved as a file.
 */
export const ExportListButton = ({
  label = 'cop.common.export',
  filename,
  testId,
}: {
  /** Button label and fallback file name (translation keys). */
  label?: string;
  filename: string;
  testId: string;
}) => {
  const dataProvider = useDataProvider<CopDataProvider>();
  const { filter, filterValues, sort, resource, total, isPending } = useListContext();
  const { busy, run } = useDownload();
  return (
    <Button
      label={label}
      onClick={() => void run(() => dataProvider.exportList(resource, { filter: { ...filterValues, ...filter }, sort }), filename)}
      disabled={busy || isPending || total === 0}
      data-testid={testId}
    >
      <DownloadIcon />
    </Button>
  );
};
