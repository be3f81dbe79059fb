import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  CardContent,
  CircularProgress,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { LocalesMenuButton, Login, useLogin, useTranslate } from 'react-admin';
import { fetchCaptcha, type Captcha } from '../auth/authProvider';

type Field = 'identifier' | 'password' | 'captchaCode';
type Values = Record<Field, string>;

const EMPTY: Values = { identifier: '', password: '', captchaCode: '' };

/** Turns the SVG string of /api/auth/captcha into an <img> source. */
export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

const LoginForm = () => {
  const translate = useTranslate();
  const login = useLogin();
  const [values, setValues] = useState<Values>(EMPTY);
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [captchaFailed, setCaptchaFailed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [submitting, setSubmitting] = useState(false);

  const refreshCaptcha = useCallback(async () => {
    setValues((v) => ({ ...v, captchaCode: '' }));
    try {
      setCaptcha(await fetchCaptcha());
      setCaptchaFailed(false);
    } catch {
      setCaptcha(null);
      setCaptchaFailed(true);
    }
  }, []);

  useEffect(() => {
    void refreshCaptcha();
  }, [refreshCaptcha]);

  const change = (field: Field) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    (Object.keys(EMPTY) as Field[]).forEach((field) => {
      if (!values[field].trim()) missing[field] = translate('cop.login.required');
    });
    if (Object.keys(missing).length) {
      setFieldErrors(missing);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await login({
        identifier: values.identifier.trim(),
        password: values.password,
        captchaId: captcha?.captchaId ?? '',
        captchaCode: values.captchaCode.trim(),
      });
    } catch (e: any) {
      const serverErrors = (e?.body?.errors ?? {}) as Record<string, string>;
      setFieldErrors({
        identifier: serverErrors.identifier,
        password: serverErrors.password,
        captchaCode: serverErrors.captchaCode ?? serverErrors.captchaId,
      });
      setError(e?.message || translate('ra.auth.sign_in_error'));
      // Captchas are single-use: every failed attempt needs a new one.
      void refreshCaptcha();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <CardContent component="form" onSubmit={submit} noValidate sx={{ minWidth: 320, maxWidth: 380 }}>
      <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 1 }}>
        <Typography variant="h6">{translate('cop.app.title')}</Typography>
        <LocalesMenuButton />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('cop.login.title')}
      </Typography>
      {error ? (
        <Alert severity="error" data-testid="login-error" sx={{ mb: 1 }}>
          {error}
        </Alert>
      ) : null}
      <TextField
        label={translate('cop.login.identifier')}
        value={values.identifier}
        onChange={change('identifier')}
        autoComplete="username"
        autoFocus
        fullWidth
        margin="dense"
        error={!!fieldErrors.identifier}
        helperText={fieldErrors.identifier}
        slotProps={{ htmlInput: { 'data-testid': 'login-identifier', name: 'identifier' } }}
      />
      <TextField
        label={translate('cop.login.password')}
        type="password"
        value={values.password}
        onChange={change('password')}
        autoComplete="current-password"
        fullWidth
        margin="dense"
        error={!!fieldErrors.password}
        helperText={fieldErrors.password}
        slotProps={{ htmlInput: { 'data-testid': 'login-password', name: 'password' } }}
      />
      <Stack direction="row" spacing={1} alignItems="flex-start">
        <TextField
          label={translate('cop.login.captcha')}
          value={values.captchaCode}
          onChange={change('captchaCode')}
          autoComplete="off"
          fullWidth
          margin="dense"
          error={!!fieldErrors.captchaCode}
          helperText={fieldErrors.captchaCode}
          slotProps={{ htmlInput: { 'data-testid': 'login-captcha', name: 'captchaCode', maxLength: 8 } }}
        />
        <Tooltip title={translate(captchaFailed ? 'cop.login.captcha_unavailable' : 'cop.login.captcha_refresh')}>
          <Box
            component="button"
            type="button"
            onClick={() => void refreshCaptcha()}
            data-testid="login-captcha-refresh"
            data-captcha-id={captcha?.captchaId ?? ''}
            aria-label={translate('cop.login.captcha_refresh')}
            sx={{
              mt: 1,
              p: 0,
              width: 120,
              height: 40,
              flexShrink: 0,
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              bgcolor: 'background.paper',
              cursor: 'pointer',
              overflow: 'hidden',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
            }}
          >
            {captcha ? (
              <img
                src={svgDataUrl(captcha.svg)}
                alt={translate('cop.login.captcha_alt')}
                data-testid="login-captcha-image"
                style={{ width: '100%', height: '100%', objectFit: 'contain' }}
              />
            ) : (
              <Typography variant="caption" color="text.secondary">
                {captchaFailed ? translate('cop.login.captcha_unavailable') : translate('ra.page.loading')}
              </Typography>
            )}
          </Box>
        </Tooltip>
      </Stack>
      <Button
        type="submit"
        variant="contained"
        color="primary"
        fullWidth
        disabled={submitting}
        data-testid="login-submit"
        sx={{ mt: 2 }}
        startIcon={submitting ? <CircularProgress size={18} thickness={3} color="inherit" /> : null}
      >
        {translate('cop.login.submit')}
      </Button>
    </CardContent>
  );
};

export const LoginPage = () => (
  <Login avatarIcon={<LockIcon />}>
    <LoginForm />
  </Login>
);
