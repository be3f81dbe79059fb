/**
 * 关联记录 (Linked records): a side panel of the content manager's edit view. Our content types keep
 * references as plain integer `…Id` fields; the panel lists each one that has a value with the name of the
 * record it points at (供货方：华夏文旅集团 (#1)), linked to that record in the panel. The names come from
 * `GET /cop-admin/linked-names` (cms/src/admin-panel/linked-names.ts), which knows what each field points at.
 */
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useIntl } from 'react-intl';
import { LINKED_RECORDS_TEXT } from './linked-records-text';
// the route's answer, one per `…Id` field of the open record (a type only: nothing of the server is bundled)
import type { LinkedName } from '../admin-panel/linked-names';



type State = { links: LinkedName[] } | { error: true } | null;

/** The open record's linked names; null while loading, and for a new record or a type that is not ours. */
function useLinkedNames(model: string, documentId: string | undefined, version: unknown): State {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<State>(null);
  React.useEffect(() => {
    setState(null);
    if (!documentId) return undefined;
    let live = true;
    get<{ data: LinkedName[] }>('/cop-admin/linked-names', { params: { uid: model, id: documentId } })
      .then((res) => live && setState({ links: res.data.data }))
      // another plugin's content type (404) gets no panel; anything else says it failed
      .catch((error: { status?: number; response?: { status?: number } }) => {
        if (live) setState((error.status ?? error.response?.status) === 404 ? { links: [] } : { error: true });
      });
    return () => {
      live = false;
    };
  }, [get, model, documentId, version]);
  return state;
}

function LinkedRecords({ state }: { state: NonNullable<State> }) {
  const { formatMessage } = useIntl();
  const text = (id: keyof (typeof LINKED_RECORDS_TEXT)['en']) => formatMessage({ id, defaultMessage: LINKED_RECORDS_TEXT.en[id] });
  if ('error' in state) return <Typography variant="pi" textColor="danger600">{text('cop.linked.error')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="linked-records">
      {state.links.map((link) => (
        <Flex key={link.field} gap={1} wrap="wrap">
          <Typography variant="pi" fontWeight="bold" textColor="neutral800">{`${link.label}：`}</Typography>
          {link.targetDocumentId ? (
            <Link tag={NavLink} to={`/content-manager/collection-types/${link.targetUid}/${link.targetDocumentId}`} isExternal={false}>
              {`${link.name ?? link.id} (#${link.id})`}
            </Link>
          ) : (
            <Typography variant="pi" textColor="neutral600">{`#${link.id} ${text('cop.linked.missing')}`}</Typography>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** The side panel: shown for a saved record of one of our content types with at least one `…Id` field set. */
export const LinkedRecordsPanel: PanelComponent = ({ model, documentId, document }: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const state = useLinkedNames(model, documentId, document?.updatedAt);
  if (!documentId || !state || ('links' in state && !state.links.length)) return null;
  return {
    title: formatMessage({ id: 'cop.linked.title', defaultMessage: LINKED_RECORDS_TEXT.en['cop.linked.title'] }),
    content: <LinkedRecords state={state} />,
  };
};
