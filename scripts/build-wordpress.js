// Copies the self-contained bundle into the WordPress plugin: dist/am-elements.js →
// wordpress/am-elements/assets/am-elements.js (gitignored). Run after `npm run build`.
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../dist/am-elements.js', import.meta.url));
const target = fileURLToPath(new URL('../wordpress/am-elements/assets/am-elements.js', import.meta.url));

if (!existsSync(source)) {
  console.error('build-wordpress: dist/am-elements.js is missing. Run `npm run build` first.');
  process.exit(1);
}
copyFileSync(source, target);
console.log(`build-wordpress: copied dist/am-elements.js (${statSync(target).size} bytes) to wordpress/am-elements/assets/`);
