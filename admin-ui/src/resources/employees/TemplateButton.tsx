import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { CopDataProvider } from '../../dataProvider';
import { saveBlob } from '../shared';

/** 下载模板: GET /employees/import-template with the bearer token, saved as a file. */
export const TemplateButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CopDataProvider>();
  const [loading, setLoading] = useState(false);

  const download = async () => {
    setLoading(true);
    try {
      const { blob, filename } = await dataProvider.downloadEmployeeTemplate();
      saveBlob(blob, filename || translate('cop.employees.template_filename'));
    } catch (e: any) {
      notify(e?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Button label="cop.employees.template" onClick={download} disabled={loading} data-testid="employees-template">
      <DownloadIcon />
    </Button>
  );
};
