/**
 * What `npm start` and `npm test` rebuild: a build output is stale when a source beside it is newer.
 * Shared so that both commands agree on when the admin panel and the console need building.
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const cms = path.join(root, 'cms');
const SKIP = ['node_modules', 'dist', 'build', '.strapi', '.cache', 'tests', 'scripts', 'database', 'public', 'types'];

function newest(dir, skip = SKIP) {
  let latest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    // dotfiles are tool state (Strapi rewrites .strapi-updater.json at every start), not sources
    if (skip.includes(entry.name) || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full, skip) : fs.statSync(full).mtimeMs);
  }
  return latest;
}
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

const adminPanelIndex = path.join(cms, 'dist', 'build', 'index.html');
const consoleIndex = path.join(root, 'admin-ui', 'dist', 'index.html');

module.exports = {
  root,
  cms,
  /** The Strapi admin panel (strapi build → cms/dist/build). */
  adminPanelStale: () => !fs.existsSync(adminPanelIndex) || newest(cms) > mtime(adminPanelIndex),
  /** The react-admin console (vite → admin-ui/dist), which also bundles @cop/config. */
  consoleStale: () => !fs.existsSync(consoleIndex)
    || Math.max(newest(path.join(root, 'admin-ui')), newest(path.join(root, 'config', 'src'))) > mtime(consoleIndex),
};
