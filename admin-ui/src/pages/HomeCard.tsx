import type { ReactElement, ReactNode } from 'react';
import { Card, CardContent, CardHeader, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * A card of the home page's figures: its header (title, icon, controls), a progress bar while
 * loading, the error of a failed request, or the empty text; else its content.
 */
export const HomeCard = ({
  title,
  icon,
  action,
  testId,
  loading,
  error,
  empty,
  emptyTestId,
  children,
}: {
  /** Translation key. */
  title: string;
  icon: ReactElement;
  action?: ReactNode;
  testId: string;
  loading: boolean;
  error: unknown;
  /** Translation key shown instead of the content (when there is nothing to show). */
  empty?: string | false;
  emptyTestId?: string;
  children?: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardHeader title={translate(title)} avatar={icon} action={action} />
      <CardContent sx={{ pt: 0 }}>
        {loading ? <LinearProgress /> : null}
        {error ? (
          <Typography color="error" variant="body2">
            {(error as Error).message || translate('ra.notification.http_error')}
          </Typography>
        ) : null}
        {empty ? (
          <Typography variant="body2" color="text.secondary" data-testid={emptyTestId}>
            {translate(empty)}
          </Typography>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
};
