import { useRef, useState, type ChangeEvent } from 'react';
import {
  Alert,
  Box,
  FormControl,
  FormHelperText,
  FormLabel,
  IconButton,
  Link,
  List as MuiList,
  ListItem,
  ListItemIcon,
  ListItemText,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import DeleteIcon from '@mui/icons-material/Delete';
import UploadIcon from '@mui/icons-material/Upload';
import {
  Button,
  useDataProvider,
  useInput,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { CopDataProvider, UploadedFile } from '../../dataProvider';
import { saveBlob } from '../shared';
import { ATTACHMENT_ACCEPT, attachmentProblem, formatBytes, type AgreementRecord } from './types';

/**
 * 附件: each chosen file is uploaded at once (POST /files/upload) and kept in the form as
 * { id, name, mime, size }; the save sends their ids as attachmentIds.
 */
export const AttachmentsInput = ({ source = 'attachments' }: { source?: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const { field } = useInput({ source, defaultValue: [] });
  const files: UploadedFile[] = Array.isArray(field.value) ? field.value : [];
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = ''; // choosing the same file again must upload again
    if (!chosen.length) return;
    setBusy(true);
    const problems: string[] = [];
    let next = files;
    for (const file of chosen) {
      const problem = attachmentProblem(file);
      if (problem) {
        problems.push(translate(`cop.agreements.upload_${problem}`, { name: file.name }));
        continue;
      }
      try {
        const uploaded = await dataProvider.uploadFile(file);
        next = [...next, uploaded];
        field.onChange(next);
      } catch (e: any) {
        const reason = e?.body?.errors?.file || e?.message || translate('ra.notification.http_error');
        problems.push(`${file.name}: ${reason}`);
      }
    }
    field.onBlur();
    setErrors(problems);
    setBusy(false);
  };

  const remove = (id: number) => field.onChange(files.filter((file) => file.id !== id));

  return (
    <FormControl fullWidth margin="dense" data-testid="agreement-attachments">
      <FormLabel>{translate('resources.agreements.fields.attachments')}</FormLabel>
      {files.length ? (
        <MuiList dense disablePadding>
          {files.map((file) => (
            <ListItem
              key={file.id}
              data-testid={`agreement-attachment-item-${file.id}`}
              secondaryAction={
                <Tooltip title={translate('ra.action.remove')}>
                  <IconButton edge="end" aria-label={translate('ra.action.remove')} onClick={() => remove(file.id)}>
                    <DeleteIcon />
                  </IconButton>
                </Tooltip>
              }
            >
              <ListItemIcon sx={{ minWidth: 32 }}>
                <AttachFileIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText primary={file.name} secondary={formatBytes(file.size)} />
            </ListItem>
          ))}
        </MuiList>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
          {translate('cop.agreements.no_attachments')}
        </Typography>
      )}
      <Box>
        <input
          ref={input}
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          hidden
          onChange={upload}
          data-testid="agreement-upload"
        />
        <Button
          label={busy ? 'cop.agreements.uploading' : 'cop.agreements.upload'}
          onClick={() => input.current?.click()}
          disabled={busy}
          data-testid="agreement-upload-button"
        >
          <UploadIcon />
        </Button>
      </Box>
      <FormHelperText>{translate('cop.agreements.upload_help')}</FormHelperText>
      {errors.length ? (
        <Alert severity="error" onClose={() => setErrors([])} data-testid="agreement-upload-errors">
          {errors.map((text) => (
            <div key={text}>{text}</div>
          ))}
        </Alert>
      ) : null}
    </FormControl>
  );
};

/** The attachments of an agreement as download links (fetched with the bearer token, saved as files). */
export const AttachmentLinks = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<AgreementRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<CopDataProvider>();
  const [busy, setBusy] = useState<number | null>(null);
  if (!record) return null;
  const files = record.attachments ?? [];
  if (!files.length) return <Typography variant="body2">{translate('cop.agreements.no_attachments')}</Typography>;

  const download = async (file: UploadedFile) => {
    setBusy(file.id);
    try {
      const { blob, filename } = await dataProvider.downloadAgreementAttachment(record.id, file.id);
      saveBlob(blob, filename || file.name);
    } catch (e: any) {
      notify(e?.message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack spacing={0.5}>
      {files.map((file) => (
        <Stack key={file.id} direction="row" spacing={1} alignItems="center">
          <AttachFileIcon fontSize="small" color="action" />
          <Link
            component="button"
            type="button"
            underline="hover"
            disabled={busy === file.id}
            onClick={() => void download(file)}
            data-testid={`agreement-attachment-${file.id}`}
          >
            {file.name}
          </Link>
          <Typography variant="caption" color="text.secondary">
            {formatBytes(file.size)}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
};
