import { eventDetailTypesPlugin, frameworkTypingsPlugin } from './scripts/cem-typings.js';
import { editorDataPlugin, literalDefaultsPlugin } from './scripts/cem-editors.js';

// scripts/check-manifest.js points AM_GENERATED_OUTDIR elsewhere to compare what the plugins
// write with what is committed.
const generated = process.env.AM_GENERATED_OUTDIR || '.';

// The manifest describes the elements (public API), not the internal core modules; the shared
// element code in src/internal is read for what the elements inherit from it.
export default {
  globs: ['src/elements/**/*.ts', 'src/internal/**/*.ts', 'src/am-*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  plugins: [
    // The analyzer lists modules in file-system order, which differs between checkouts: sort
    // them so the committed manifest (and the typings made from it) are reproducible.
    {
      name: 'am-sorted-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
    // Events get their `CustomEvent<Detail>` types from AmEventDetails in src/events.ts.
    eventDetailTypesPlugin(),
    // Default values instead of the names of the constants that hold them.
    literalDefaultsPlugin(),
    // JSX (React 19, Preact) and Vue typings in types/, generated from this manifest.
    frameworkTypingsPlugin({ outdir: `${generated}/types` }),
    // Editor autocomplete: vscode.html-custom-data.json, vscode.css-custom-data.json, web-types.json.
    editorDataPlugin({ outdir: generated }),
  ],
};
