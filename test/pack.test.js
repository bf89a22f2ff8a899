// What `npm pack` would publish: only what users need (dist, cli, server, types, the manifest,
// the editor data, README, LICENSE, SECURITY.md, CHANGELOG.md), nothing of the sources, tests,
// demo, bench, docs or WordPress plugin; every entry point package.json names is in it; and the
// metadata npm shows on the package page. Needs `npm run build`.
//
//   node --test test/pack.test.js        (part of `npm run check`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));

/** @type {{path: string, size: number}[]} */
let packed = [];
/** @type {{size: number, unpackedSize: number}} */
let totals;

test('npm pack --dry-run', { timeout: 60_000 }, () => {
  assert.ok(existsSync(`${ROOT}dist/am-elements.js`), 'dist/ is missing: run `npm run build` first');
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [result] = JSON.parse(out);
  packed = result.files;
  totals = result;
  assert.ok(packed.length > 0);
});

const paths = () => packed.map((file) => file.path);

test('package.json has what the npm page and tools show: description, license, author, repository, homepage, bugs, keywords', () => {
  assert.ok(pkg.description.length > 20);
  assert.equal(pkg.license, 'MIT');
  assert.ok(pkg.author);
  assert.match(pkg.repository.url, /^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
  const web = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  assert.equal(pkg.homepage, `${web}#readme`);
  assert.equal(pkg.bugs.url, `${web}/issues`);
  for (const keyword of ['apple-music', 'musickit', 'web-components', 'custom-elements', 'lit'])
    assert.ok(pkg.keywords.includes(keyword), `keyword ${keyword}`);
  assert.ok(pkg.engines.node, 'engines.node is set');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.private, undefined, 'publishable');
});

test('README links work on the package page and in node_modules: absolute, or to a packed file', () => {
  // A relative link resolves only where the file is (npm's page guesses the repository, other
  // registries' pages and a README read in node_modules do not): docs/, demo/ and images are
  // linked absolutely, into the repository's main branch, and must exist in it.
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const web = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  for (const [, target] of readme.matchAll(/\]\(((?!https?:|#|mailto:)[^)#\s]+)/g))
    assert.ok(
      paths().includes(target),
      `README links to ${target} relatively, which is not in the package: link ${web}/blob/main/${target}`,
    );
  const repositoryLinks = [...readme.matchAll(new RegExp(`\\]\\(${web.replace(/[.]/g, '\\.')}/(?:blob|raw)/main/([^)#\\s]+)`, 'g'))];
  assert.ok(repositoryLinks.length > 10, 'the guides and images are linked into the repository');
  for (const [, target] of repositoryLinks)
    assert.ok(existsSync(`${ROOT}${target}`), `README links to ${target}, which is in the repository`);
});

test('engines: Node 20 for users; devEngines: what the dev tools declare, as a warning only', () => {
  /** `>=X.Y.Z` → [X, Y, Z] @param {string} range */
  const floor = (range) => {
    const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
    assert.ok(match, `${range} is a plain lower bound`);
    return match.slice(1).map((part) => Number(part ?? 0));
  };
  const atLeast = (/** @type {number[]} */ a, /** @type {number[]} */ b) => {
    for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
    return true;
  };
  // The command line and the server run on the Node this test runs on (CI: 20).
  assert.deepEqual(floor(pkg.engines.node), [20, 0, 0]);
  const { runtime, packageManager } = pkg.devEngines;
  assert.equal(runtime.name, 'node');
  assert.equal(runtime.onFail, 'warn', 'Node 20 keeps working for contributors: a warning, not an error');
  assert.equal(packageManager.name, 'npm');
  assert.equal(packageManager.onFail, 'warn');
  for (const tool of ['@web/test-runner', '@web/dev-server', 'puppeteer-core']) {
    const declared = JSON.parse(readFileSync(`${ROOT}node_modules/${tool}/package.json`, 'utf8')).engines?.node;
    if (declared) assert.ok(atLeast(floor(runtime.version), floor(declared)), `devEngines ${runtime.version} covers ${tool}'s ${declared}`);
  }
});

test('holds the documents users need', () => {
  for (const file of [
    'package.json',
    'README.md',
    'LICENSE',
    'SECURITY.md',
    'CHANGELOG.md',
    'custom-elements.json',
    'vscode.html-custom-data.json',
    'vscode.css-custom-data.json',
    'web-types.json',
  ]) {
    assert.ok(paths().includes(file), `${file} is packed`);
  }
});

test('holds the bundle, the modules with their types, the React wrappers, the typings and the CLI', () => {
  const required = [
    'dist/am-elements.js',
    'dist/index.js',
    'dist/index.d.ts',
    ...['am-auth-provider', 'am-authorize-button', 'am-unauthorize-button', 'am-library-list'].flatMap((name) => [
      `dist/${name}.js`,
      `dist/${name}.d.ts`,
    ]),
    'dist/react/index.js',
    'dist/react/index.d.ts',
    'dist/react/playback.js',
    'dist/react/playback.d.ts',
    'types/jsx.d.ts',
    'types/react.d.ts',
    'types/preact.d.ts',
    'types/vue.d.ts',
    'cli/am-elements.js',
    'cli/developer-token.js',
    'cli/emulator/index.js',
    'cli/emulator/README.md',
    'server/index.js',
    'server/index.d.ts',
    'server/handler.js',
    'server/node-listener.js',
    'server/sign.js',
    'server/private-key.js',
    'server/errors.js',
  ];
  for (const file of required) assert.ok(paths().includes(file), `${file} is packed`);
});

test('holds nothing else: no sources, tests, demo, bench, docs, scripts or WordPress plugin', () => {
  const allowed = [
    /^dist\//,
    /^cli\//,
    /^server\/[^/]+\.(js|d\.ts)$/,
    /^types\/[^/]+\.d\.ts$/,
    /^(package\.json|README\.md|LICENSE|SECURITY\.md|CHANGELOG\.md|custom-elements\.json|vscode\.(html|css)-custom-data\.json|web-types\.json)$/,
  ];
  const extra = paths().filter((path) => !allowed.some((pattern) => pattern.test(path)));
  assert.deepEqual(extra, [], 'unexpected files in the package');
  const leaked = paths().filter((path) =>
    /(^|\/)(test|tests|__tests__|demo|bench|docs|wordpress|scripts|src|node_modules)\/|\.test\.|\.tsbuildinfo$|(^|\/)\.[^/]+$/.test(path),
  );
  assert.deepEqual(leaked, [], 'development files in the package');
});

test('every entry point in package.json is packed', () => {
  /** @type {string[]} */
  const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements, pkg['web-types'], ...Object.values(pkg.bin ?? {})];
  const collect = (/** @type {unknown} */ value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(pkg.exports);
  for (const target of targets.filter(Boolean)) {
    const path = target.replace(/^\.\//, '');
    if (path.includes('*')) {
      const pattern = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.+')}$`);
      assert.ok(
        paths().some((p) => pattern.test(p)),
        `${target} matches a packed file`,
      );
    } else {
      assert.ok(paths().includes(path), `${target} is packed`);
    }
  }
});

test('no browser code contains the token server, jose or a key', () => {
  // am-elements/server signs with the private key: it must stay on servers. The browser build
  // (dist/) never imports it, nor jose, which only the server and the CLI use.
  const files = readdirSync(`${ROOT}dist`, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(js|d\.ts|map)$/.test(file));
  assert.ok(files.length > 5, 'dist/ is built');
  for (const file of files) {
    const text = readFileSync(`${ROOT}dist/${file}`, 'utf8');
    for (const marker of ['createDeveloperTokenHandler', 'toNodeListener', 'importPKCS8', 'SignJWT', 'BEGIN PRIVATE KEY']) {
      assert.ok(!text.includes(marker), `dist/${file} contains ${marker}`);
    }
    assert.doesNotMatch(
      text,
      /["'](?:jose|am-elements\/server|\.{0,2}\/(?:\.\.\/)*server\/[^"']*)["']/,
      `dist/${file} imports server code or jose`,
    );
  }
  const sources = readdirSync(`${ROOT}src`, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  for (const file of sources) {
    assert.doesNotMatch(
      readFileSync(`${ROOT}src/${file}`, 'utf8'),
      /from ['"](?:jose|[./]*server\/|am-elements\/server)/,
      `src/${file} imports server code`,
    );
  }
});

// 400 KB until am-elements/server (about 8 KB compressed), library depth (typed resources,
// tracks, search, drill-down: ~50 KB, half of it source maps), the editor data (VS Code,
// JetBrains: about 15 KB) and the React wrappers joined. Most of it is source maps (with the
// TypeScript sources in them) and the manifest; what a page loads is guarded by size-budgets.json.
test('stays small: under 520 KB compressed', () => {
  assert.ok(totals.size < 520 * 1024, `the tarball is ${Math.round(totals.size / 1024)} KB`);
});
