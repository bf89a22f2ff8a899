// The manifest describes the elements (public API), not the internal core modules.
export default {
  globs: ['src/elements/**/*.ts', 'src/am-*.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
};
