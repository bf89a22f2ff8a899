// @ts-check
// The installable plugin zip `npm run build:wordpress` writes (wordpress/am-elements.zip): what
// it holds, and that WordPress installs it through Plugins → Add New → Upload Plugin (its own
// unzipping, PclZip or ZipArchive), activates it and serves its script. Also: readme.txt's
// "Tested up to" is the WordPress version this test ran. Registered by wordpress.test.js after
// the uninstall test (the copied plugin is gone by then); this file defines no test by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readZip } from '../../scripts/zip.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ZIP = `${ROOT}wordpress/am-elements.zip`;
const PLUGIN = `${ROOT}wordpress/am-elements/`;

/** The plugin's files as the repository has them, plus the bundle build:wordpress copies in. */
function pluginFiles() {
  const tracked = execFileSync('git', ['ls-files', '-z', '--', 'wordpress/am-elements'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .map((path) => path.replace(/^wordpress\//, ''));
  return [...tracked, 'am-elements/assets/am-elements.js'].sort();
}

/**
 * @param {object} env what wordpress.test.js shares
 * @param {() => any} env.site
 * @param {(context: any) => Promise<any>} env.logIn
 * @param {() => Promise<any>} env.newContext
 * @param {string} env.shots
 * @param {number} env.timeout
 */
export function pluginZipTests(env) {
  test('WordPress: readme.txt says "Tested up to" the WordPress version this test ran', () => {
    const [major, minor] = env.site().version.split('.');
    const tested = /^Tested up to:\s*(\S+)\s*$/m.exec(readFileSync(`${PLUGIN}readme.txt`, 'utf8'))?.[1];
    assert.equal(tested, `${major}.${minor}`, `readme.txt's "Tested up to" is ${tested}; this test ran WordPress ${env.site().version}`);
  });

  test('WordPress: wordpress/am-elements.zip holds the plugin in one am-elements/ folder, and nothing else', () => {
    assert.ok(existsSync(ZIP), 'wordpress/am-elements.zip is missing: run `npm run build:wordpress`');
    const entries = readZip(readFileSync(ZIP));
    const names = entries.map((entry) => entry.name);
    assert.ok(
      names.every((name) => name.startsWith('am-elements/')),
      'everything is inside am-elements/, so WordPress installs it as wp-content/plugins/am-elements',
    );
    const files = entries.filter((entry) => !entry.name.endsWith('/'));
    assert.deepEqual(
      files.map((entry) => entry.name).sort(),
      pluginFiles(),
      "the zip holds the plugin's files: main file, includes, blocks, languages, readme, uninstall.php and the bundle",
    );
    for (const name of [
      'am-elements/am-elements.php',
      'am-elements/includes/class-am-elements-shortcodes.php',
      'am-elements/blocks/apple-music/block.json',
      'am-elements/blocks/apple-music/editor.js',
      'am-elements/assets/am-elements.js',
      'am-elements/readme.txt',
      'am-elements/uninstall.php',
    ])
      assert.ok(names.includes(name), `${name} is in the zip`);
    assert.deepEqual(
      names.filter((name) => /(^|\/)(\.[^/]*|node_modules|tests?)(\/|$)|\.zip$/.test(name)),
      [],
      'no dotfiles, tests, node_modules or archives',
    );
    const byName = new Map(entries.map((entry) => [entry.name, entry.data]));
    assert.match(String(byName.get('am-elements/am-elements.php')), /Plugin Name:\s*Apple Music Elements/);
    assert.ok(
      byName.get('am-elements/assets/am-elements.js')?.equals(readFileSync(`${ROOT}dist/am-elements.js`)),
      'the bundle is the current dist/am-elements.js',
    );
    for (const entry of files) {
      const source = `${ROOT}wordpress/${entry.name}`;
      if (existsSync(source)) assert.ok(entry.data.equals(readFileSync(source)), `${entry.name} is the current file`);
    }
  });

  test(
    'WordPress: the zip installs through Plugins → Add New → Upload Plugin, activates, and its pages load the bundle',
    { timeout: env.timeout },
    async () => {
      const site = env.site();
      const installed = `${site.docroot}/wp-content/plugins/am-elements`;
      assert.ok(!existsSync(installed), 'the copied plugin was deleted by the uninstall test');
      const context = await env.newContext();
      const page = await env.logIn(context);
      await page.goto(`${site.origin}/wp-admin/plugin-install.php?tab=upload`);
      await page.setInputFiles('#pluginzip', ZIP);
      await Promise.all([page.waitForURL(/update\.php\?action=upload-plugin/), page.click('#install-plugin-submit')]);
      try {
        await page.getByText('Plugin installed successfully.').waitFor({ timeout: 20_000 });
      } finally {
        await page.screenshot({ path: `${env.shots}07-zip-installed.png`, fullPage: true });
      }
      assert.ok(existsSync(`${installed}/am-elements.php`), 'installed as wp-content/plugins/am-elements');
      assert.ok(readFileSync(`${installed}/assets/am-elements.js`).equals(readFileSync(`${ROOT}dist/am-elements.js`)), 'with the bundle');
      await Promise.all([page.waitForURL(/plugins\.php\?.*activate=true/), page.getByRole('link', { name: 'Activate Plugin' }).click()]);
      const row = page.locator('tr[data-plugin="am-elements/am-elements.php"]');
      assert.match((await row.getAttribute('class')) ?? '', /\bactive\b/);
      await context.close();

      const html = await (await fetch(site.pageUrl('standalone'))).text();
      assert.equal((html.match(/<am-auth-provider[^>]*>/g) ?? []).length, 3, 'the shortcodes render');
      const tag = html.match(/<script[^>]*\/plugins\/am-elements\/assets\/am-elements\.js[^>]*>/)?.[0] ?? '';
      assert.match(tag, /type="module"/, `the page loads the bundle as a module: ${tag}`);
      const src = /\ssrc=(["'])([^"']+)\1/.exec(tag)?.[2] ?? '';
      const bundle = await fetch(new URL(src.replace(/&#0?38;|&amp;/g, '&'), site.origin));
      assert.equal(bundle.status, 200);
      assert.ok(Buffer.from(await bundle.arrayBuffer()).equals(readFileSync(`${ROOT}dist/am-elements.js`)), 'served as built');
    },
  );
}
