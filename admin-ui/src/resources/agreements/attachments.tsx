import { useDataProvider, useRecordContext } from 'react-admin';
import type { CopDataProvider } from '../../dataProvider';
import { AttachmentLinks as RecordAttachmentLinks, FilesInput } from '../collaboration/files';
import type { AgreementRecord } from './types';

/**
 * 附件 of an agreement (any number): the shared files input, each chosen file uploaded at once
 * (POST /files/upload); the save sends their ids as attachmentIds.
 */
export const AttachmentsInput = ({ source = 'attachments' }: { source?: string }) => (
  <FilesInput
    source={source}
    label="resources.agreements.fields.attachments"
    testId="agreement-attachments"
    inputTestId="agreement-upload"
  />
);

/**
 * The attachments of an agreement as download links (GET /agreements/<id>/attachment?fileId=, with the
 * bearer token); PDFs and images also open in the page (预览: the same verb with disposition=inline).
 */
export const AttachmentLinks = ({ source = 'attachments' }: { label?: string; source?: string }) => {
  const record = useRecordContext<AgreementRecord>();
  const dataProvider = useDataProvider<CopDataProvider>();
  if (!record) return null;
  return (
    <RecordAttachmentLinks
      source={source}
      fetchFile={(fileId, options) => dataProvider.downloadAgreementAttachment(record.id, fileId, options)}
      testIdPrefix="agreement-attachment"
      preview
    />
  );
};
