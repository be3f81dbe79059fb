import { Chip, Tooltip, Typography } from '@mui/material';
import PushPinIcon from '@mui/icons-material/PushPin';
import { useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, formatFen } from '../shared';
import { shanghaiToday, type OpportunityRecord } from './types';

/** A date-only value ('YYYY-MM-DD') as sent, in the body text size of the other fields. */
export const DateOnlyField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source];
  return (
    <Typography variant="body2" component="span">
      {typeof value === 'string' && value ? value.slice(0, 10) : '-'}
    </Typography>
  );
};

/** validFrom ~ validTo (date-only values, shown as sent). */
export const ValidityField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<{ validFrom?: string; validTo?: string }>();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      {(record.validFrom ?? '').slice(0, 10) || '-'} ~ {(record.validTo ?? '').slice(0, 10) || '-'}
    </Typography>
  );
};

/** 预算: ¥min – ¥max in yuan from fen; one bound alone as ≥ / ≤; 面议 (negotiable) when none. */
export const BudgetField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<OpportunityRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      {budgetText(record, translate('cop.opportunities.budget_open'))}
    </Typography>
  );
};

export function budgetText(record: Pick<OpportunityRecord, 'budgetMin' | 'budgetMax'>, negotiable: string): string {
  const min = typeof record.budgetMin === 'number' ? formatFen(record.budgetMin) : '';
  const max = typeof record.budgetMax === 'number' ? formatFen(record.budgetMax) : '';
  if (min && max) return min === max ? min : `${min} – ${max}`;
  if (min) return `≥ ${min}`;
  if (max) return `≤ ${max}`;
  return negotiable;
}

/** 截止日期, with an 已截止 chip once passed (the server says `expired`). */
export const DeadlineField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<OpportunityRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center', whiteSpace: 'nowrap' }}>
      {(record.deadline ?? '').slice(0, 10) || '-'}
      {(record.expired ?? (!!record.deadline && record.deadline.slice(0, 10) < shanghaiToday())) ? <Chip size="small" color="warning" variant="outlined" label={translate('cop.opportunities.expired_chip')} /> : null}
    </Typography>
  );
};

/**
 * 发布时间 of my announcement, only once it was published (the server also fills publishedAt of
 * drafts with their creation time).
 */
export const PublishedAtField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ status?: string; publishedAt?: string | null }>();
  if (!record || (record.status !== 'published' && record.status !== 'withdrawn')) {
    return (
      <Typography variant="body2" component="span">
        -
      </Typography>
    );
  }
  return <DateTimeField source="publishedAt" />;
};

/** A pin for pinned announcements (nothing otherwise). */
export const PinnedMark = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ pinned?: boolean }>();
  const translate = useTranslate();
  if (!record?.pinned) return null;
  return (
    <Tooltip title={translate('cop.announcements.pinned')}>
      <PushPinIcon fontSize="small" color="error" data-testid="pinned" />
    </Tooltip>
  );
};

/** Plain text kept as typed (line breaks), '-' when empty. */
export const MultilineText = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source];
  return (
    <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {typeof value === 'string' && value ? value : '-'}
    </Typography>
  );
};

/** 编辑：<title> — Edit page titles name the record, as the show pages do. */
export const EditTitle = () => {
  const record = useRecordContext<{ title?: string }>();
  const translate = useTranslate();
  return <span>{record?.title ? translate('cop.common.edit_title', { title: record.title }) : translate('ra.action.edit')}</span>;
};
