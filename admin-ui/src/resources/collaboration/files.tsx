import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import {
  Alert,
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormHelperText,
  FormLabel,
  IconButton,
  Link,
  List as MuiList,
  ListItem,
  ListItemIcon,
  ListItemText,
  Skeleton,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import BrokenImageIcon from '@mui/icons-material/BrokenImage';
import CloseIcon from '@mui/icons-material/Close';
import DeleteIcon from '@mui/icons-material/Delete';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Button,
  useDataProvider,
  useInput,
  useNotify,
  useRecordContext,
  useResourceContext,
  useTranslate,
  type Identifier,
} from 'react-admin';
import type { CopDataProvider, FileDownload, FileOptions, UploadedFile } from '../../dataProvider';
import { saveBlob } from '../shared';
import { ATTACHMENT_ACCEPT, attachmentProblem, formatBytes } from '../agreements/types';

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp'];
export const IMAGE_ACCEPT = IMAGE_EXTENSIONS.map((ext) => `.${ext}`).join(',');

/** Why a file cannot be a picture or an attachment ('type' / 'size' / null): the upload rules of POST /files/upload. */
export function uploadProblem(file: { name: string; size: number }, images = false): 'type' | 'size' | null {
  const problem = attachmentProblem(file);
  if (problem) return problem;
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  return images && !IMAGE_EXTENSIONS.includes(ext) ? 'type' : null;
}

export const isImage = (file: { mime?: string; name?: string }) =>
  file.mime ? file.mime.startsWith('image/') : IMAGE_EXTENSIONS.includes((file.name ?? '').split('.').pop()?.toLowerCase() ?? '');

/**
 * Where the bytes of a file come from: the record's GET file verb (`file`, or `picture` for products,
 * the catalogue and orders), or my own upload (form previews).
 */
export type FileSource = { resource: string; recordId: Identifier; verb?: string } | { own: true };

/**
 * An object URL for a file fetched with the bearer token (an <img src> cannot send it); revoked on
 * unmount. undefined while loading, null when it failed.
 */
export function useFileObjectUrl(source: FileSource | null, fileId: Identifier | undefined): string | null | undefined {
  const dataProvider = useDataProvider<CopDataProvider>();
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  const key = source ? ('own' in source ? 'own' : `${source.resource}/${source.recordId}/${source.verb ?? 'file'}`) : '';
  useEffect(() => {
    if (!source || fileId === undefined) return undefined;
    let cancelled = false;
    let objectUrl: string | null = null;
    setUrl(undefined);
    const request =
      'own' in source
        ? dataProvider.downloadOwnFile(fileId)
        : dataProvider.downloadRecordFile(source.resource, source.recordId, fileId, { verb: source.verb });
    request
      .then(({ blob }) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => !cancelled && setUrl(null));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [key, fileId]); // eslint-disable-line react-hooks/exhaustive-deps
  return url;
}

/** One picture fetched with the token; a click opens it large. */
export const AuthImage = ({
  source,
  file,
  size = 120,
  alt,
}: {
  source: FileSource;
  file: UploadedFile;
  size?: number;
  alt?: string;
}) => {
  const url = useFileObjectUrl(source, file.id);
  const [open, setOpen] = useState(false);
  if (url === undefined) return <Skeleton variant="rectangular" width={size} height={size} />;
  if (url === null) {
    return (
      <Box sx={{ width: size, height: size, display: 'grid', placeItems: 'center', bgcolor: 'action.hover' }}>
        <BrokenImageIcon color="disabled" />
      </Box>
    );
  }
  return (
    <>
      <Box
        component="img"
        src={url}
        alt={alt ?? file.name}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        sx={{ width: size, height: size, objectFit: 'cover', borderRadius: 1, cursor: 'zoom-in', display: 'block' }}
        data-testid={`picture-${file.id}`}
      />
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="lg" onClick={(event) => event.stopPropagation()}>
        <Box component="img" src={url} alt={alt ?? file.name} sx={{ maxWidth: '90vw', maxHeight: '85vh', display: 'block' }} />
      </Dialog>
    </>
  );
};

/** An empty square where a picture would be. */
export const NoPicture = ({ size }: { size: number }) => (
  <Box sx={{ width: size, height: size, borderRadius: 1, bgcolor: 'action.hover', flexShrink: 0 }} />
);

/**
 * The record's first picture as a small thumbnail (lists): its `source` holds the described files,
 * served by the record's `verb` (default `file`).
 */
export const Thumbnail = ({ size = 48, source = 'pictures', verb }: { label?: string; size?: number; source?: string; verb?: string }) => {
  const record = useRecordContext<{ id: Identifier } & Record<string, unknown>>();
  const resource = useResourceContext() ?? '';
  const first = record && Array.isArray(record[source]) ? (record[source] as UploadedFile[])[0] : undefined;
  if (!record || !first) return <NoPicture size={size} />;
  return <AuthImage source={{ resource, recordId: record.id, verb }} file={first} size={size} />;
};

/** The record's pictures (GET /<resource>/<id>/<verb>?fileId=), as a grid of thumbnails. */
export const PictureGallery = ({
  source = 'pictures',
  size = 140,
  verb,
}: {
  source?: string;
  label?: string;
  size?: number;
  verb?: string;
}) => {
  const record = useRecordContext<{ id: Identifier } & Record<string, unknown>>();
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  if (!record) return null;
  const files = (Array.isArray(record[source]) ? record[source] : []) as UploadedFile[];
  if (!files.length) return <Typography variant="body2" color="text.secondary">{translate('cop.files.no_pictures')}</Typography>;
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" data-testid="picture-gallery">
      {files.map((file) => (
        <AuthImage key={file.id} source={{ resource, recordId: record.id, verb }} file={file} size={size} />
      ))}
    </Stack>
  );
};

/**
 * 附件 / 图片 input: each chosen file is uploaded at once (POST /files/upload) and kept in the form as
 * { id, name, mime, size }; the save sends their ids (attachmentIds / pictureIds). Pictures show as
 * thumbnails (my own uploads, GET /files/<id>/download). Serves every form with files: resources,
 * opportunities, announcements (at most `max`) and agreements (no limit).
 */
export const FilesInput = ({
  source,
  label,
  images = false,
  max,
  testId,
  inputTestId,
}: {
  source: string;
  /** Translation key of the label. */
  label: string;
  images?: boolean;
  /** At most this many files (shown as n/max); no limit when not given. */
  max?: number;
  /** data-testid of the control (default files-<source>); its parts are suffixed (-upload, -remove-<id>). */
  testId?: string;
  /** data-testid of the hidden file input (default <testId>-file). */
  inputTestId?: string;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const { field } = useInput({ source, defaultValue: [] });
  const files: UploadedFile[] = Array.isArray(field.value) ? field.value : [];
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const id = testId ?? `files-${source}`;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = ''; // choosing the same file again must upload again
    if (!chosen.length) return;
    setBusy(true);
    const problems: string[] = [];
    let next = files;
    for (const file of chosen) {
      if (max !== undefined && next.length >= max) {
        problems.push(translate('cop.files.too_many', { max, name: file.name }));
        continue;
      }
      const problem = uploadProblem(file, images);
      if (problem) {
        problems.push(translate(images && problem === 'type' ? 'cop.files.not_image' : `cop.agreements.upload_${problem}`, { name: file.name }));
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

  const remove = (fileId: number) => field.onChange(files.filter((file) => file.id !== fileId));
  const removeButton = (file: UploadedFile) => (
    <Tooltip title={translate('ra.action.remove')}>
      <IconButton size="small" aria-label={translate('ra.action.remove')} onClick={() => remove(file.id)} data-testid={`${id}-remove-${file.id}`}>
        <DeleteIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );

  return (
    <FormControl fullWidth margin="dense" data-testid={id}>
      <FormLabel>
        {translate(label)}
        {max !== undefined ? ` (${files.length}/${max})` : ''}
      </FormLabel>
      {!files.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
          {translate(images ? 'cop.files.no_pictures' : 'cop.agreements.no_attachments')}
        </Typography>
      ) : images ? (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ my: 1 }}>
          {files.map((file) => (
            <Stack key={file.id} alignItems="center" spacing={0.5}>
              <AuthImage source={{ own: true }} file={file} size={96} />
              {removeButton(file)}
            </Stack>
          ))}
        </Stack>
      ) : (
        <MuiList dense disablePadding>
          {files.map((file) => (
            <ListItem key={file.id} secondaryAction={removeButton(file)}>
              <ListItemIcon sx={{ minWidth: 32 }}>
                <AttachFileIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText primary={file.name} secondary={formatBytes(file.size)} />
            </ListItem>
          ))}
        </MuiList>
      )}
      <Box>
        <input
          ref={input}
          type="file"
          multiple
          accept={images ? IMAGE_ACCEPT : ATTACHMENT_ACCEPT}
          hidden
          onChange={upload}
          data-testid={inputTestId ?? `${id}-file`}
        />
        <Button
          label={busy ? 'cop.agreements.uploading' : images ? 'cop.files.upload_pictures' : 'cop.agreements.upload'}
          onClick={() => input.current?.click()}
          disabled={busy || (max !== undefined && files.length >= max)}
          data-testid={`${id}-upload`}
        >
          <UploadIcon />
        </Button>
      </Box>
      <FormHelperText>
        {max === undefined
          ? translate('cop.agreements.upload_help')
          : translate(images ? 'cop.files.picture_help' : 'cop.files.attachment_help', { max })}
      </FormHelperText>
      {errors.length ? (
        <Alert severity="error" onClose={() => setErrors([])}>
          {errors.map((text) => (
            <div key={text}>{text}</div>
          ))}
        </Alert>
      ) : null}
    </FormControl>
  );
};

/** How a file of a record is fetched (default: the record's GET file verb); `inline` for a preview. */
export type FetchFile = (fileId: Identifier, options?: FileOptions) => Promise<FileDownload>;

/** Files the browser can show in the page: images and PDFs. */
export const isPreviewable = (file: { mime?: string; name?: string }) =>
  isImage(file) || file.mime === 'application/pdf' || (!file.mime && /\.pdf$/i.test(file.name ?? ''));

/**
 * A file shown in the page: an image as <img>, a PDF in an <iframe> (the browser's viewer), fetched
 * inline with the bearer token (GET …?fileId=&disposition=inline); `data-inline-url` names that URL.
 */
export const FilePreviewDialog = ({
  file,
  fetchFile,
  onClose,
  onDownload,
}: {
  file: UploadedFile | null;
  fetchFile: FetchFile;
  onClose: () => void;
  onDownload: (file: UploadedFile) => void;
}) => {
  const translate = useTranslate();
  const [shown, setShown] = useState<{ objectUrl: string; url: string; type: string } | null | undefined>(undefined);
  useEffect(() => {
    if (!file) return undefined;
    let cancelled = false;
    let objectUrl: string | null = null;
    setShown(undefined);
    fetchFile(file.id, { disposition: 'inline' })
      .then(({ blob, url }) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setShown({ objectUrl, url, type: blob.type });
      })
      .catch(() => !cancelled && setShown(null));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [file?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!file) return null;
  const pdf = shown ? shown.type === 'application/pdf' : file.mime === 'application/pdf';
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth={pdf} data-testid="file-preview">
      <DialogTitle sx={{ wordBreak: 'break-all' }}>{file.name}</DialogTitle>
      <DialogContent dividers sx={{ display: 'grid', placeItems: 'center', minHeight: 240, p: pdf ? 0 : 2 }}>
        {shown === undefined ? (
          <Skeleton variant="rectangular" width="100%" height={pdf ? '75vh' : 240} />
        ) : shown === null ? (
          <Alert severity="error">{translate('cop.files.preview_failed')}</Alert>
        ) : (
          // a PDF in a frame (the browser's viewer), an image as itself
          <Box
            component={pdf ? 'iframe' : 'img'}
            src={shown.objectUrl}
            {...(pdf ? { title: file.name } : { alt: file.name })}
            data-testid={pdf ? 'file-preview-pdf' : 'file-preview-image'}
            data-inline-url={shown.url}
            sx={pdf ? { width: '100%', height: '75vh', border: 0, display: 'block' } : { maxWidth: '100%', maxHeight: '75vh', display: 'block' }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button label="cop.files.download" onClick={() => onDownload(file)} data-testid="file-preview-download">
          <DownloadIcon />
        </Button>
        <Button label="ra.action.close" onClick={onClose} data-testid="file-preview-close">
          <CloseIcon />
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * A list of files as download links, fetched with the bearer token: GET /<resource>/<recordId>/file?fileId=,
 * or `fetchFile` where a resource has its own download (agreements). Links are `<testIdPrefix>-<fileId>`;
 * with `preview`, images and PDFs also get 预览 (`<testIdPrefix>-preview-<fileId>`), shown in the page.
 */
export const FileList = ({
  resource,
  recordId,
  files,
  fetchFile,
  testIdPrefix = 'attachment',
  preview = false,
}: {
  resource: string;
  recordId: Identifier;
  files: UploadedFile[];
  fetchFile?: FetchFile;
  testIdPrefix?: string;
  preview?: boolean;
}) => {
  const notify = useNotify();
  const translate = useTranslate();
  const dataProvider = useDataProvider<CopDataProvider>();
  const [busy, setBusy] = useState<number | null>(null);
  const [previewed, setPreviewed] = useState<UploadedFile | null>(null);
  const fetchOne: FetchFile = fetchFile ?? ((fileId, options) => dataProvider.downloadRecordFile(resource, recordId, fileId, options));

  const download = async (file: UploadedFile) => {
    setBusy(file.id);
    try {
      const { blob, filename } = await fetchOne(file.id);
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
            variant="body2"
            disabled={busy === file.id}
            onClick={(event) => {
              event.stopPropagation();
              void download(file);
            }}
            data-testid={`${testIdPrefix}-${file.id}`}
            sx={{ textAlign: 'left', wordBreak: 'break-all' }}
          >
            {file.name}
          </Link>
          <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {formatBytes(file.size)}
          </Typography>
          {preview && isPreviewable(file) ? (
            <Tooltip title={translate('cop.files.preview')}>
              <IconButton
                size="small"
                aria-label={translate('cop.files.preview')}
                onClick={(event) => {
                  event.stopPropagation();
                  setPreviewed(file);
                }}
                data-testid={`${testIdPrefix}-preview-${file.id}`}
              >
                <VisibilityIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          ) : null}
        </Stack>
      ))}
      {preview ? (
        <FilePreviewDialog
          file={previewed}
          fetchFile={fetchOne}
          onClose={() => setPreviewed(null)}
          onDownload={(file) => void download(file)}
        />
      ) : null}
    </Stack>
  );
};

/** The current record's attachments as download links (see FileList for `fetchFile` and `testIdPrefix`). */
export const AttachmentLinks = ({
  source = 'attachments',
  fetchFile,
  testIdPrefix,
  preview,
}: {
  source?: string;
  label?: string;
  fetchFile?: FetchFile;
  testIdPrefix?: string;
  preview?: boolean;
}) => {
  const record = useRecordContext<{ id: Identifier } & Record<string, unknown>>();
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  if (!record) return null;
  const files = (Array.isArray(record[source]) ? record[source] : []) as UploadedFile[];
  if (!files.length) return <Typography variant="body2" color="text.secondary">{translate('cop.agreements.no_attachments')}</Typography>;
  return (
    <FileList resource={resource} recordId={record.id} files={files} fetchFile={fetchFile} testIdPrefix={testIdPrefix} preview={preview} />
  );
};
