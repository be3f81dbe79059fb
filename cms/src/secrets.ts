/**
 * The server's secrets, where the configuration keeps each one, and the development value it falls back
 * to when the variable is unset (cms/config/*.ts take their defaults from here). Under
 * NODE_ENV=production the server refuses to start while any of them is unset, empty or a dev default.
 */
export const SECRETS = [
  { variable: 'APP_KEYS', config: 'server.app.keys', dev: ['dev-only-key-a', 'dev-only-key-b'] },
  { variable: 'ADMIN_JWT_SECRET', config: 'admin.auth.secret', dev: ['dev-only-admin-jwt-secret'] },
  { variable: 'API_TOKEN_SALT', config: 'admin.apiToken.salt', dev: ['dev-only-api-token-salt'] },
  { variable: 'TRANSFER_TOKEN_SALT', config: 'admin.transfer.token.salt', dev: ['dev-only-transfer-token-salt'] },
  { variable: 'ENCRYPTION_KEY', config: 'admin.secrets.encryptionKey', dev: ['dev-only-encryption-key'] },
  { variable: 'JWT_SECRET', config: 'plugin::users-permissions.jwtSecret', dev: ['dev-only-jwt-secret'] },
] as const;

export type SecretVariable = (typeof SECRETS)[number]['variable'];

/** The development value of one secret (APP_KEYS: its list of keys). */
export function devSecret(variable: 'APP_KEYS'): string[];
export function devSecret(variable: Exclude<SecretVariable, 'APP_KEYS'>): string;
export function devSecret(variable: SecretVariable): string | string[] {
  const dev = SECRETS.find((secret) => secret.variable === variable)!.dev;
  return variable === 'APP_KEYS' ? [...dev] : dev[0];
}

const DEV_VALUES = new Set<string>(SECRETS.flatMap((secret) => secret.dev));

/** The variables whose configured value (read with `get`, e.g. strapi.config.get) is missing, empty or a dev default. */
export function insecureSecrets(get: (path: string) => unknown): SecretVariable[] {
  return SECRETS.filter(({ config }) => {
    const value = get(config);
    const parts = (Array.isArray(value) ? value : [value]).map((part) => (typeof part === 'string' ? part.trim() : ''));
    return parts.length === 0 || parts.some((part) => !part || DEV_VALUES.has(part));
  }).map(({ variable }) => variable);
}

/** Throws, naming the variables, when NODE_ENV=production runs with a missing or development secret. */
export function assertProductionSecrets(get: (path: string) => unknown, nodeEnv = process.env.NODE_ENV): void {
  if (nodeEnv !== 'production') return;
  const insecure = insecureSecrets(get);
  if (insecure.length) {
    throw new Error(`NODE_ENV=production refuses missing or development secrets: set ${insecure.join(', ')} to secret random values`);
  }
}
