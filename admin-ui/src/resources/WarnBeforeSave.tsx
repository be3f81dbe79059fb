import { useRef, useState, type ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { useFormContext } from 'react-hook-form';
import { Confirm, SaveButton, Toolbar, useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import type { Text } from '@cop/config';
import { vocabularyLang } from '../i18n/locales';

/** Warnings that are shared rules (@cop/config `warnings`) in the reader's language. */
export function useSayWarnings() {
  const [locale] = useLocaleState();
  const lang = vocabularyLang(locale);
  return (texts: (Text | null | undefined)[]) => texts.filter((text): text is Text => !!text).map((text) => text[lang]);
}

/** The warnings of a change, one paragraph each, then the question. */
export const WarningList = ({ warnings, question }: { warnings: string[]; question?: ReactNode }) => (
  <Box data-testid="warnings">
    {warnings.map((warning) => (
      <Typography key={warning} component="p" sx={{ mb: 1 }}>
        {warning}
      </Typography>
    ))}
    {question ? <Typography component="p">{question}</Typography> : null}
  </Box>
);

/**
 * A form toolbar whose Save asks first when the change has warnings (a coupon priced above its face value,
 * a stock mode switched after sales…): the confirm dialog says what would happen, 确认 saves. A form that
 * does not validate is submitted at once, so its errors show as usual.
 */
export function WarnBeforeSaveToolbar<T extends RaRecord = RaRecord>({
  warnings,
}: {
  warnings: (values: Record<string, any>, record: T | undefined) => Promise<string[]> | string[];
}) {
  const form = useFormContext();
  const translate = useTranslate();
  const record = useRecordContext<T>();
  const anchor = useRef<HTMLSpanElement>(null);
  const [pending, setPending] = useState<string[] | null>(null);
  const [checking, setChecking] = useState(false);
  const submit = () => anchor.current?.closest('form')?.requestSubmit();

  const check = async () => {
    if (!(await form.trigger())) return submit();
    setChecking(true);
    try {
      const found = await warnings(form.getValues(), record);
      if (found.length) setPending(found);
      else submit();
    } catch {
      submit(); // the check is advice: when it fails, the save still goes to the server, which decides
    } finally {
      setChecking(false);
    }
  };

  return (
    <Toolbar>
      <span ref={anchor} />
      {/* still the form's submit button (Enter and tests find it); its click is held back for the check */}
      <SaveButton
        disabled={checking}
        onClick={(event) => {
          event.preventDefault();
          void check();
        }}
      />
      <Confirm
        isOpen={!!pending}
        title="cop.warnings.title"
        content={<WarningList warnings={pending ?? []} question={translate('cop.warnings.question')} />}
        confirm="cop.warnings.save_anyway"
        onConfirm={() => {
          setPending(null);
          submit();
        }}
        onClose={() => setPending(null)}
      />
    </Toolbar>
  );
}

