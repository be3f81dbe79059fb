import {
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Paper,
  Typography,
} from '@mui/material';
import {
  InputHelperText,
  useInput,
  useLocaleState,
  usePermissions,
  useTranslate,
  type Validator,
} from 'react-admin';
import type { CopPermissions } from '../../auth/session';
import { vocabularyLang } from '../../i18n/locales';
import { permissionGroups, permissionLabel } from './permissionGroups';

/**
 * Permission checklist of a role, grouped by area; only the keys the enterprise kind can hold
 * (permissionsForKind). Keys outside that list that a role already has are kept untouched.
 */
export const PermissionsInput = ({ source = 'permissions', validate }: { source?: string; validate?: Validator | Validator[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = vocabularyLang(locale);
  const { permissions } = usePermissions<CopPermissions>();
  const { field, fieldState, isRequired } = useInput({ source, defaultValue: [], validate });
  const value: string[] = Array.isArray(field.value) ? field.value : [];
  const groups = permissions ? permissionGroups(permissions.kind) : [];

  const setKeys = (keys: string[], checked: boolean) => {
    const next = new Set(value);
    keys.forEach((key) => (checked ? next.add(key) : next.delete(key)));
    field.onChange(Array.from(next));
    field.onBlur();
  };

  return (
    <FormControl component="fieldset" error={!!fieldState.error} fullWidth sx={{ mt: 1 }} data-testid="permissions-input">
      <FormLabel component="legend" required={isRequired}>
        {translate('resources.roles.fields.permissions')}
      </FormLabel>
      <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, mt: 1 }}>
        {groups.map((group) => {
          const selected = group.keys.filter((key) => value.includes(key)).length;
          return (
            <Paper key={group.area} variant="outlined" sx={{ p: 1 }}>
              <FormControlLabel
                label={<Typography fontWeight="bold">{translate(`cop.roles.areas.${group.area}`, { _: group.area })}</Typography>}
                title={translate('cop.roles.select_area')}
                control={
                  <Checkbox
                    checked={selected === group.keys.length}
                    indeterminate={selected > 0 && selected < group.keys.length}
                    onChange={(event) => setKeys(group.keys, event.target.checked)}
                    slotProps={{ input: { 'data-testid': `perm-area-${group.area}` } as object }}
                  />
                }
              />
              <FormGroup row sx={{ pl: 3 }}>
                {group.keys.map((key) => (
                  <FormControlLabel
                    key={key}
                    label={permissionLabel(key, lang)}
                    control={
                      <Checkbox
                        size="small"
                        checked={value.includes(key)}
                        onChange={(event) => setKeys([key], event.target.checked)}
                        slotProps={{ input: { 'data-testid': `perm-${key}`, value: key } as object }}
                      />
                    }
                  />
                ))}
              </FormGroup>
            </Paper>
          );
        })}
      </Box>
      <FormHelperText>
        <InputHelperText error={fieldState.error?.message} />
      </FormHelperText>
    </FormControl>
  );
};
