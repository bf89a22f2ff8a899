// Copies the self-contained bundle into the WordPress plugin: dist/am-elements.js →
// wordpress/am-elements/assets/am-elements.js (gitignored). Run after `npm run build`.
//
// `node scripts/build-wordpress.js --pot` also regenerates the committed translation
// template wordpress/am-elements/languages/am-elements.pot (needs xgettext, from gettext).
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PLUGIN = fileURLToPath(new URL('../wordpress/am-elements/', import.meta.url));
const source = fileURLToPath(new URL('../dist/am-elements.js', import.meta.url));
const target = `${PLUGIN}assets/am-elements.js`;

if (!existsSync(source)) {
  console.error('build-wordpress: dist/am-elements.js is missing. Run `npm run build` first.');
  process.exit(1);
}
copyFileSync(source, target);
console.log(`build-wordpress: copied dist/am-elements.js (${statSync(target).size} bytes) to wordpress/am-elements/assets/`);

if (process.argv.includes('--pot')) {
  const version = /^\s*\*\s*Version:\s*(\S+)/m.exec(readFileSync(`${PLUGIN}am-elements.php`, 'utf8'))?.[1] ?? '0.0.0';
  const files = [
    'am-elements.php',
    ...readdirSync(`${PLUGIN}includes`)
      .filter((f) => f.endsWith('.php'))
      .map((f) => `includes/${f}`),
  ];
  const keywords = ['__', '_e', 'esc_html__', 'esc_html_e', 'esc_attr__', 'esc_attr_e'].map((k) => `--keyword=${k}`);
  const pot = `${PLUGIN}languages/am-elements.pot`;
  const result = spawnSync(
    'xgettext',
    [
      '--language=PHP',
      '--from-code=UTF-8',
      '--add-comments=translators:',
      '--no-location',
      '--sort-output',
      ...keywords,
      '--package-name=Apple Music Elements',
      `--package-version=${version}`,
      '--msgid-bugs-address=',
      '-o',
      pot,
      ...files,
    ],
    { cwd: PLUGIN, encoding: 'utf8' },
  );
  if (result.error || result.status !== 0) {
    console.error(`build-wordpress: xgettext failed (apt-get install gettext): ${result.error?.message ?? result.stderr}`);
    process.exit(1);
  }
  // A stable file: no creation date, UTF-8 declared.
  writeFileSync(
    pot,
    readFileSync(pot, 'utf8')
      .replace('charset=CHARSET', 'charset=UTF-8')
      .replace(/^"POT-Creation-Date:.*\n/m, ''),
  );
  console.log('build-wordpress: wrote wordpress/am-elements/languages/am-elements.pot');
}
