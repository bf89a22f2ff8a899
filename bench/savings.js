// What each part of the bundle costs, in gzip bytes, two ways:
//   - own: the bundle's gzip size minus that of the same text with the module's own bytes
//     cut out (which bytes are whose comes from the output's source map);
//   - withDependents: the bundle rebuilt with the module replaced by a stub exporting the same
//     names, so whatever only it pulled in goes too (what lazy-loading or dropping it saves).
//     @lit/context is also stubbed as a whole: the most replacing it could save.
// Raw (minified) bytes come from esbuild's metafile. Gzip is not additive: the costs do not sum
// exactly to the bundle; they rank what to cut.
import { SourceMap } from 'node:module';
import * as esbuild from 'esbuild';
import { ENTRY_SETS, ESBUILD_OPTIONS as BASE, resolveImport, gzipSize, root } from './size.js';

/** Whole packages (or parts of one) stubbed as a unit: what replacing them could save at most. */
const GROUPS = {
  '@lit/context (whole package)': ['@lit/context'],
  // What our own code weighs without any of Lit: the most a Lit-free version could save,
  // before the hand-written DOM code that would replace it.
  'all of Lit (lit, @lit/context)': ['lit', '@lit/context'],
};

const exportCache = new Map();
/** The names `path` (a file, or a bare specifier) exports. */
async function exportsOf(path) {
  if (!exportCache.has(path)) {
    const result = await esbuild
      .build({
        ...BASE,
        minify: false,
        entryPoints: [path],
        external: path.startsWith('/') ? ['lit', 'lit/*', '@lit/*'] : [],
        stdin: undefined,
      })
      .catch(async () =>
        esbuild.build({ ...BASE, minify: false, stdin: { contents: `export * from ${JSON.stringify(path)};`, resolveDir: root } }),
      );
    exportCache.set(path, Object.values(result.metafile.outputs)[0].exports);
  }
  return exportCache.get(path);
}

const stubSource = (names) =>
  names.length
    ? names.map((name) => (name === 'default' ? 'export default void 0;' : `export const ${name} = void 0;`)).join('\n')
    : 'export {};';

/** Gzip bytes of each source's own bytes in `code`, by cutting them out (`map` is the output's). */
function ownShares(code, mapText) {
  const map = new SourceMap(JSON.parse(mapText));
  const owner = new Array(code.length);
  let line = 0;
  let column = 0;
  for (let i = 0; i < code.length; i++) {
    owner[i] = map.findEntry(line, column)?.originalSource;
    if (code[i] === '\n') {
      line++;
      column = 0;
    } else column++;
  }
  const full = gzipSize(Buffer.from(code));
  const shares = new Map();
  for (const source of new Set(owner)) {
    if (!source) continue;
    let rest = '';
    for (let i = 0; i < code.length; i++) if (owner[i] !== source) rest += code[i];
    shares.set(source.replace(/^(\.\.\/)+/, ''), full - gzipSize(Buffer.from(rest)));
  }
  return shares;
}

/** Builds `source` with the module at absolute path `stubPath`, or the bare import `stubSpecifier`, stubbed. */
async function build(source, { stubPath, stubGroup } = {}) {
  const plugins = [];
  if (stubPath) {
    const names = await exportsOf(stubPath);
    const escaped = stubPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    plugins.push({
      name: 'stub-file',
      setup(b) {
        b.onLoad({ filter: new RegExp(`^${escaped}$`) }, () => ({ contents: stubSource(names), loader: 'js' }));
      },
    });
  }
  if (stubGroup) {
    const names = new Map();
    for (const specifier of stubGroup) names.set(specifier, await exportsOf(specifier));
    const filter = new RegExp(`^(${stubGroup.map((g) => g.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    plugins.push({
      name: 'stub-package',
      setup(b) {
        b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({ contents: stubSource(names.get(args.path)), loader: 'js' }));
      },
    });
  }
  const result = await esbuild.build({
    ...BASE,
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    plugins,
    sourcemap: 'external',
    outfile: `${root}bench/results/savings.js`, // not written: write is false
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'));
  const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.js'))[1];
  return { gzip: gzipSize(js.contents), raw: js.contents.length, inputs: output.inputs, code: js.text, map: map.text };
}

/** Cost of each of our modules, and of the groups, in the bundle of entry set `key`. */
export async function moduleCosts(key) {
  const source = ENTRY_SETS[key].imports.map((s) => `import ${JSON.stringify(resolveImport(s).path)};`).join('\n');
  const full = await build(source);
  const own = ownShares(full.code, full.map);
  // The dist/ and Lit files carry their own source maps, which esbuild follows: match
  // `dist/core/x.js` with `src/core/x.ts`, `lit-html/lit-html.js` with `lit-html/src/lit-html.ts`.
  const normalize = (path) =>
    path
      .replace(/^.*node_modules\//, '')
      .replace(/^(dist|src)\//, '')
      .replace(/\/src\//, '/')
      .replace(/\.[jt]s$/, '');
  const ownOf = (path) => [...own].find(([source]) => normalize(source) === normalize(path))?.[1];
  const costs = [];
  for (const [path, { bytesInOutput }] of Object.entries(full.inputs)) {
    if (bytesInOutput === 0) continue;
    const module = path.replace(/^dist\//, '').replace(/^.*node_modules\//, '');
    const entry = { module, raw: bytesInOutput, gzipOwn: ownOf(path) };
    if (path.startsWith('dist/')) {
      const without = await build(source, { stubPath: `${root}${path}` });
      Object.assign(entry, { gzipWithDependents: full.gzip - without.gzip, rawWithDependents: full.raw - without.raw });
    }
    costs.push(entry);
  }
  for (const [module, group] of Object.entries(GROUPS)) {
    const without = await build(source, { stubGroup: group });
    if (without.gzip === full.gzip) continue;
    costs.push({
      module,
      group: true,
      raw: full.raw - without.raw,
      gzipWithDependents: full.gzip - without.gzip,
      rawWithDependents: full.raw - without.raw,
    });
  }
  return {
    key,
    gzip: full.gzip,
    raw: full.raw,
    costs: costs.sort((a, b) => (b.gzipOwn ?? b.gzipWithDependents) - (a.gzipOwn ?? a.gzipWithDependents)),
  };
}

/** Things issue 7 asks to look for, measured in the shipped file's text. */
export function findings(code) {
  const text = Buffer.from(code).toString('utf8');
  const svgs = [...text.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0].length);
  return {
    inlineSvgs: { count: svgs.length, bytes: svgs.reduce((a, b) => a + b, 0) },
    polyfillHooks: (text.match(/PolyfillSupport/g) ?? []).length,
    /** Runs of two or more spaces or a newline followed by spaces: whitespace gzip still carries (mostly css`` and html`` text). */
    whitespaceBytes: (text.match(/\n\s+| {2,}/g) ?? []).reduce((sum, run) => sum + run.length, 0),
  };
}
