import { useState, type FormEvent } from 'react';
import {
  Autocomplete,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import AddCommentIcon from '@mui/icons-material/AddComment';
import { Button, useDataProvider, useGetIdentity, useGetList, useNavigate, useTranslate } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { useDirectoryOption } from '../collaboration/audience';
import { conversationBody, conversationPath } from '../collaboration/ContactButton';
import { MAX_MESSAGE } from '../collaboration/types';

interface DirectoryEntry {
  id: number;
  name?: string;
  kind?: string;
}

/** 发起交流: a plain thread with any enterprise of the directory (not my own). */
export const NewConversationButton = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const optionText = useDirectoryOption();
  const { identity } = useGetIdentity();
  const ownId = (identity?.enterprise as { id?: number } | undefined)?.id;
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [counterpart, setCounterpart] = useState<DirectoryEntry | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: options = [], isPending } = useGetList<DirectoryEntry>(
    'enterprise-directory',
    { filter: q ? { q } : {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 20 } },
    { enabled: open },
  );

  const close = () => {
    setOpen(false);
    setCounterpart(null);
    setText('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!counterpart || !message) return setError(translate('ra.validation.required'));
    if (message.length > MAX_MESSAGE) return setError(translate('ra.validation.maxLength', { max: MAX_MESSAGE }));
    setBusy(true);
    try {
      const { data } = await dataProvider.create('conversations', {
        data: conversationBody({ subjectType: 'plain', counterpartId: counterpart.id }, message),
      });
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      close();
      navigate(conversationPath(data.id));
    } catch (e: any) {
      setError(e?.body?.errors?.counterpartId || e?.body?.errors?.text || e?.message || translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="cop.conversations.new" onClick={() => setOpen(true)} data-testid="conversation-new">
        <AddCommentIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate>
          <DialogTitle>{translate('cop.conversations.new_title')}</DialogTitle>
          <DialogContent>
            <Autocomplete
              options={options.filter((option) => option.id !== ownId)}
              loading={isPending}
              value={counterpart}
              onChange={(_event, value) => setCounterpart(value)}
              onInputChange={(_event, value) => setQ(value)}
              getOptionLabel={optionText}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              filterOptions={(x) => x}
              noOptionsText={translate('ra.navigation.no_results')}
              renderInput={(params) => (
                <TextField {...params} margin="dense" required label={translate('cop.conversations.counterpart')} />
              )}
            />
            <TextField
              fullWidth
              multiline
              minRows={4}
              margin="dense"
              required
              label={translate('cop.conversations.message')}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setError(null);
              }}
              error={!!error}
              helperText={error ?? `${text.length} / ${MAX_MESSAGE}`}
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={busy}>
              {translate('cop.conversations.send')}
            </MuiButton>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};
