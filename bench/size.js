// Sizes, deterministically (no browser, no clock): the shipped single file, and what a bundler
// user pays for a given set of imports. Shared by `npm run bench` and scripts/check-size.js.
//
// Bundler users are modelled with esbuild over the per-module build in dist/ (run
// `npm run build` first): `bundle: true, minify: true, conditions: ['production']`, Lit
// included from node_modules, then gzip -9. The imports are resolved the way an application's
// would be — through this package's `exports` (a self-reference) — and, when a documented
// subpath is not exported, from dist/ directly, with `exported: false` saying so.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import * as esbuild from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const SHIPPED = 'dist/am-elements.js';
export const SHIPPED_PLAYBACK = 'dist/am-elements-playback.js';
export const KB = 1024;

/** How every bundle of the bench is built: minified ES module, Lit's production build. @type {import('esbuild').BuildOptions} */
export const ESBUILD_OPTIONS = {
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
  target: 'es2022',
  conditions: ['production'],
  metafile: true,
  logLevel: 'silent',
  absWorkingDir: root,
};

/** @param {Uint8Array} bytes */
export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * @typedef {object} EntrySet
 * @property {string} label
 * @property {string[]} imports
 * @property {boolean} [list] `false`: the set must not pull in list code.
 * @property {boolean} [playback] `false`: the set must not pull in playback code.
 */

/**
 * The import sets measured for bundler users. `list: false` marks a set that must not pull in
 * any `<am-library-list>` code.
 * @type {Record<string, EntrySet>}
 */
export const ENTRY_SETS = {
  'provider+authorize-button': {
    label: 'provider + authorize button',
    imports: ['am-elements/am-auth-provider.js', 'am-elements/am-authorize-button.js'],
    list: false,
    playback: false,
  },
  everything: {
    label: "everything but playback (import 'am-elements')",
    imports: ['am-elements'],
    playback: false,
  },
  playback: {
    label: "provider + player + play button (import 'am-elements/playback.js')",
    imports: ['am-elements/am-auth-provider.js', 'am-elements/playback.js'],
  },
};

/** Modules that are playback code (the engine and the player elements; not the provider's slot for them). */
export const PLAYBACK_MODULE = /core\/playback\/|elements\/player\//;

/** Reference floors: what Lit (and Lit + @lit/context) cost before any code of ours. */
const REFERENCES = {
  'lit-only': {
    label: 'Lit alone (one bare element)',
    source: `import { LitElement, html, css } from 'lit';
customElements.define('x-bare', class extends LitElement { static styles = css\`:host{display:block}\`; render() { return html\`<p>\${this.x}</p>\`; } });`,
  },
  'lit+context': {
    label: 'Lit + @lit/context (what the elements use)',
    source: `import { LitElement, html, css } from 'lit';
import { createContext, ContextProvider, ContextConsumer, ContextRoot } from '@lit/context';
const c = createContext(Symbol.for('x'));
class P extends LitElement { static properties = { a: {} }; static styles = css\`:host{display:contents}\`; p = new ContextProvider(this, { context: c }); render() { return html\`<slot></slot>\`; } }
class C extends LitElement { q = new ContextConsumer(this, { context: c, subscribe: true }); render() { return html\`<button>\${this.q.value}</button>\`; } }
new ContextRoot().attach(document.documentElement);
customElements.define('x-p', P); customElements.define('x-c', C);`,
  },
};

/**
 * Resolves `specifier` the way an application importing this package would (through
 * package.json `exports`). Falls back to the file under dist/ when the subpath is not exported.
 * @param {string} specifier
 * @returns {{ specifier: string, path: string, exported: boolean, reason?: string }}
 */
export function resolveImport(specifier) {
  try {
    return { specifier, path: fileURLToPath(import.meta.resolve(specifier)), exported: true };
  } catch (caught) {
    const error = /** @type {NodeJS.ErrnoException} */ (caught);
    const sub = specifier.replace(/^am-elements\/?/, '') || 'index.js';
    const path = `${root}dist/${sub}`;
    if (!existsSync(path)) throw new Error(`cannot resolve ${specifier}: ${error.message}`);
    return { specifier, path, exported: false, reason: error.code ?? error.message };
  }
}

/**
 * Bundles `source` (an ES module) like an application would; returns the output and its metafile.
 * @param {string} source
 */
async function bundle(source) {
  const result = await esbuild.build({
    ...ESBUILD_OPTIONS,
    stdin: { contents: source, resolveDir: root, loader: 'js', sourcefile: 'app.js' },
  });
  // ESBUILD_OPTIONS sets `write: false` and `metafile: true`, so both are there.
  const code = /** @type {esbuild.OutputFile[]} */ (result.outputFiles)[0].contents;
  const output = Object.values(/** @type {esbuild.Metafile} */ (result.metafile).outputs)[0];
  const modules = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path: path.replace(/^.*node_modules\//, 'node_modules/'), bytes: bytesInOutput }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { code, raw: code.length, gzip: gzipSize(code), modules };
}

/**
 * Which package (or our own `dist/` tree) a bundled module path belongs to.
 * @param {string} path
 */
export function packageOf(path) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return match ? match[1] : path.startsWith('dist/') ? 'am-elements' : path;
}

/** @typedef {{ path: string, bytes: number }} BundledModule */

/**
 * Bytes in the output per package, largest first.
 * @param {BundledModule[]} modules
 */
export function byPackage(modules) {
  const totals = new Map();
  for (const { path, bytes } of modules) totals.set(packageOf(path), (totals.get(packageOf(path)) ?? 0) + bytes);
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * Copies of the same package bundled from different node_modules folders (e.g. two lit-html).
 * @param {BundledModule[]} modules
 */
function duplicatePackages(modules) {
  /** @type {Map<string, Set<string>>} */
  const folders = new Map();
  for (const { path } of modules) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (!match) continue;
    const name = packageOf(path);
    const set = folders.get(name) ?? new Set();
    folders.set(name, set.add(match[1]));
  }
  return [...folders].filter(([, set]) => set.size > 1).map(([name, set]) => ({ name, copies: [...set] }));
}

/**
 * Measures one set of imports; `list: false` sets are checked for list code.
 * @param {string} key
 */
export async function measureEntrySet(key) {
  const set = ENTRY_SETS[key];
  const resolved = set.imports.map(resolveImport);
  const source = resolved.map(({ path }) => `import ${JSON.stringify(path)};`).join('\n');
  const out = await bundle(source);
  const listModules = out.modules.filter((m) => /library-list|am-library-list/.test(m.path)).map((m) => m.path);
  const playbackModules = out.modules.filter((m) => PLAYBACK_MODULE.test(m.path)).map((m) => m.path);
  const text = Buffer.from(out.code).toString('utf8');
  return {
    key,
    label: set.label,
    imports: resolved.map(({ specifier, exported, reason, path }) => ({
      specifier,
      exported,
      ...(exported ? {} : { reason, usedFile: relative(root, path) }),
    })),
    raw: out.raw,
    gzip: out.gzip,
    modules: out.modules,
    packages: byPackage(out.modules),
    duplicates: duplicatePackages(out.modules),
    ...(set.list === false ? { listCode: { modules: listModules, tagInOutput: text.includes('am-library-list') } } : {}),
    ...(set.playback === false ? { playbackCode: { modules: playbackModules, inOutput: text.includes('musickitloaded') } } : {}),
  };
}

/** The shipped single file, raw and gzip -9, and how many copies of Lit its source map lists. */
export function measureShipped() {
  const path = `${root}${SHIPPED}`;
  if (!existsSync(path)) throw new Error(`${SHIPPED} is missing: run \`npm run build\` first.`);
  const code = readFileSync(path);
  let litCopies;
  try {
    const map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
    /** @type {string[]} */
    const sources = map.sources;
    litCopies = new Set(sources.filter((s) => /lit-html\/lit-html\.js$/.test(s)).map((s) => s.replace(/lit-html\.js$/, ''))).size;
  } catch {
    litCopies = undefined;
  }
  // The playback file the bundle loads only on pages with playback elements.
  const playbackPath = `${root}${SHIPPED_PLAYBACK}`;
  const playback = existsSync(playbackPath) ? readFileSync(playbackPath) : undefined;
  return {
    file: SHIPPED,
    raw: code.length,
    gzip: gzipSize(code),
    litHtmlCopies: litCopies,
    holdsPlaybackCode: code.includes('musickitloaded'),
    playback: playback && { file: SHIPPED_PLAYBACK, raw: playback.length, gzip: gzipSize(playback) },
  };
}

/** Everything above, plus the reference floors when `references` is set. */
export async function measureSizes({ references = false } = {}) {
  const shipped = measureShipped();
  /** @type {Record<string, Awaited<ReturnType<typeof measureEntrySet>>>} */
  const entries = {};
  for (const key of Object.keys(ENTRY_SETS)) entries[key] = await measureEntrySet(key);
  /** @type {{ shipped: typeof shipped, entries: typeof entries, references?: Record<string, { label: string, raw: number, gzip: number }> }} */
  const result = { shipped, entries };
  if (references) {
    result.references = {};
    for (const [key, { label, source }] of Object.entries(REFERENCES)) {
      const out = await bundle(source);
      result.references[key] = { label, raw: out.raw, gzip: out.gzip };
    }
  }
  return result;
}

/** @param {number} bytes */
export const kb = (bytes, digits = 2) => `${(bytes / KB).toFixed(digits)} KB`;

// `node bench/size.js`: the size part alone, as JSON.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await measureSizes({ references: true }), null, 2));
}
