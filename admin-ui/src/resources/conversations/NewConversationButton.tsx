import { useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import AddCommentIcon from '@mui/icons-material/AddComment';
import { Button, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { useDirectoryOption, type DirectoryEntry } from '../collaboration/audience';
import { ConversationDialog } from '../collaboration/ContactButton';

/** 发起交流: a plain thread with any enterprise of the directory (not my own). */
export const NewConversationButton = () => {
  const translate = useTranslate();
  const optionText = useDirectoryOption();
  const { identity } = useGetIdentity();
  const ownId = (identity?.enterprise as { id?: number } | undefined)?.id;
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [counterpart, setCounterpart] = useState<DirectoryEntry | null>(null);
  const { data: options = [], isPending } = useGetList<DirectoryEntry>(
    'enterprise-directory',
    { filter: q ? { q } : {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 20 } },
    { enabled: open },
  );

  return (
    <>
      <Button label="cop.conversations.new" onClick={() => setOpen(true)} data-testid="conversation-new">
        <AddCommentIcon />
      </Button>
      <ConversationDialog
        open={open}
        onClose={() => {
          setOpen(false);
          setCounterpart(null);
        }}
        title="cop.conversations.new_title"
        start={counterpart ? { subjectType: 'plain', counterpartId: counterpart.id } : null}
        errorFields={['counterpartId', 'text']}
      >
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
            <TextField {...params} autoFocus margin="dense" required label={translate('cop.conversations.counterpart')} />
          )}
        />
      </ConversationDialog>
    </>
  );
};
