/** Server tests: Strapi booted in-process per suite on a fresh SQLite file or PostgreSQL database (TEST_DB). */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  testTimeout: 120000,
  maxWorkers: 1,
};
