// Fails the build when the bundle lacks the Chinese react-admin messages
// (@haxqer/ra-language-chinese is CommonJS; a broken interop would silently leave the UI in English).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const assets = fileURLToPath(new URL('../dist/assets/', import.meta.url));
const code = readdirSync(assets)
  .filter((name) => name.endsWith('.js'))
  .map((name) => readFileSync(join(assets, name), 'utf8'))
  .join('\n');

const expected = {
  'ra.action.remove_all_filters from @haxqer/ra-language-chinese': '移除所有检索',
  'ra.navigation.clear_filters from src/i18n/raChinese.ts': '清除筛选条件',
  'the unwrapping of the CommonJS default export': 'Chinese react-admin messages could not be loaded',
};
const missing = Object.entries(expected).filter(([, text]) => !code.includes(text));
if (missing.length) {
  console.error(`dist is missing: ${missing.map(([what]) => what).join('; ')}`);
  process.exit(1);
}
console.log('bundle check: Chinese react-admin messages present');
