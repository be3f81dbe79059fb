/** Compiles the Strapi app (TypeScript → dist) once before the suites boot it. */
module.exports = async () => {
  const path = require('path');
  const { compileStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..', '..');
  await compileStrapi({ appDir, ignoreDiagnostics: false });
};
