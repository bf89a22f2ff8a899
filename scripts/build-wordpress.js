// Copies the self-contained bundle into the WordPress plugin: dist/am-elements.js →
// wordpress/am-elements/assets/am-elements.js (gitignored), then packs the plugin into
// wordpress/am-elements.zip (gitignored), which Plugins → Add New → Upload Plugin installs: one
// am-elements/ folder, without dotfiles, tests or node_modules. Run after `npm run build`.
//
// `node scripts/build-wordpress.js --pot` also regenerates the committed translation
// template wordpress/am-elements/languages/am-elements.pot (needs xgettext, from gettext).
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeZip } from './zip.js';

const PLUGIN = fileURLToPath(new URL('../wordpress/am-elements/', import.meta.url));
const PLUGIN_ZIP = fileURLToPath(new URL('../wordpress/am-elements.zip', import.meta.url));
/** Never in the zip: dotfiles, tests, dependencies, other archives. */
const LEFT_OUT = /^(\..*|node_modules|tests?|.*\.zip)$/;

/**
 * The plugin's files and folders under `am-elements/`, sorted, folders first by path.
 * @param {string} dir absolute, ending in / @param {string} prefix path inside the zip
 * @returns {{name: string, data?: Buffer}[]}
 */
function pluginEntries(dir, prefix) {
  return [
    { name: prefix },
    ...readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !LEFT_OUT.test(entry.name))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((entry) =>
        entry.isDirectory()
          ? pluginEntries(`${dir}${entry.name}/`, `${prefix}${entry.name}/`)
          : [{ name: `${prefix}${entry.name}`, data: readFileSync(`${dir}${entry.name}`) }],
      ),
  ];
}
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

const entries = pluginEntries(PLUGIN, 'am-elements/');
writeFileSync(PLUGIN_ZIP, writeZip(entries));
console.log(
  `build-wordpress: wrote wordpress/am-elements.zip (${entries.filter((e) => e.data).length} files, ${statSync(PLUGIN_ZIP).size} bytes): upload it in Plugins → Add New → Upload Plugin`,
);
