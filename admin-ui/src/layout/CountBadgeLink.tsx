import type { ReactElement } from 'react';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { LinkBase, useTranslate } from 'react-admin';

/**
 * An app bar icon linking to a page, with a red count badge (the bell, the chat icon). `label` names
 * the page when nothing is unread, `countLabel` (with smart_count) counts what is; both translation keys.
 */
export const CountBadgeLink = ({
  to,
  icon,
  count,
  label,
  countLabel,
  testId,
}: {
  to: string;
  icon: ReactElement;
  count: number;
  label: string;
  countLabel: string;
  testId: string;
}) => {
  const translate = useTranslate();
  const title = count ? translate(countLabel, { smart_count: count }) : translate(label);
  return (
    <Tooltip title={title}>
      <IconButton component={LinkBase} to={to} color="inherit" aria-label={title} data-testid={testId} data-unread={count}>
        <Badge badgeContent={count} color="error" max={99}>
          {icon}
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
