// Fails when custom-elements.json, or what is generated from it (the framework typings in types/,
// the editor data at the top), is not what the analyzer produces from the sources now.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { GENERATED_TYPINGS } from './cem-typings.js';
import { GENERATED_EDITOR_DATA } from './cem-editors.js';

// Per process, so two checks running at once do not read each other's output.
const outdir = `.cem-check-${process.pid}`;
// The analyzer rewrites package.json's "customElements" to its output path: put it back.
const packageJson = readFileSync('package.json', 'utf8');
try {
  // The plugins (custom-elements-manifest.config.js) write here instead of the top level.
  const env = { ...process.env, AM_GENERATED_OUTDIR: outdir };
  execFileSync('npx', ['cem', 'analyze', '--outdir', outdir], { stdio: 'ignore', env });
  const stale = [
    ['custom-elements.json', `${outdir}/custom-elements.json`],
    ...GENERATED_TYPINGS.map((file) => [`types/${file}`, `${outdir}/types/${file}`]),
    ...GENERATED_EDITOR_DATA.map((file) => [file, `${outdir}/${file}`]),
  ].filter(([committed, fresh]) => !existsSync(committed) || readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8'));
  if (stale.length > 0) {
    console.error(
      `Stale: ${stale.map(([committed]) => committed).join(', ')}. Run \`npm run analyze\` and commit custom-elements.json, types/ and ${GENERATED_EDITOR_DATA.join(', ')}.`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `custom-elements.json, ${[...GENERATED_TYPINGS.map((file) => `types/${file}`), ...GENERATED_EDITOR_DATA].join(', ')} are up to date.`,
    );
  }
} finally {
  writeFileSync('package.json', packageJson);
  rmSync(outdir, { recursive: true, force: true });
}
