import { eventDetailTypesPlugin, frameworkTypingsPlugin } from './scripts/cem-typings.js';

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
    // JSX (React 19, Preact) and Vue typings in types/, generated from this manifest.
    // scripts/check-manifest.js points AM_TYPES_OUTDIR elsewhere to compare them.
    frameworkTypingsPlugin({ outdir: process.env.AM_TYPES_OUTDIR || 'types' }),
  ],
};
