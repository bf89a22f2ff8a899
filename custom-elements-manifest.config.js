import { eventDetailTypesPlugin, frameworkTypingsPlugin } from './scripts/cem-typings.js';

// The manifest describes the elements (public API), not the internal core modules.
export default {
  globs: ['src/elements/**/*.ts', 'src/am-*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  plugins: [
    // Events get their `CustomEvent<Detail>` types from AmEventDetails in src/events.ts.
    eventDetailTypesPlugin(),
    // JSX (React 19, Preact) and Vue typings in types/, generated from this manifest.
    // scripts/check-manifest.js points AM_TYPES_OUTDIR elsewhere to compare them.
    frameworkTypingsPlugin({ outdir: process.env.AM_TYPES_OUTDIR || 'types' }),
  ],
};
