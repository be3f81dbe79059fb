export default ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'dev-only-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'dev-only-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'dev-only-transfer-token-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'dev-only-encryption-key') },
  flags: { nps: false, promoteEE: false },
  autoOpen: false,
  telemetryDisabled: true,
});
