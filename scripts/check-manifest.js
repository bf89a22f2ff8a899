// Fails when custom-elements.json, or the framework typings generated from it into types/, are not
// what the analyzer produces from the sources now.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { GENERATED_TYPINGS } from './cem-typings.js';

// Per process, so two checks running at once do not read each other's output.
const outdir = `.cem-check-${process.pid}`;
// The analyzer rewrites package.json's "customElements" to its output path: put it back.
const packageJson = readFileSync('package.json', 'utf8');
try {
  // The typings plugin (custom-elements-manifest.config.js) writes here instead of types/.
  const env = { ...process.env, AM_TYPES_OUTDIR: `${outdir}/types` };
  execFileSync('npx', ['cem', 'analyze', '--outdir', outdir], { stdio: 'ignore', env });
  const stale = [
    ['custom-elements.json', `${outdir}/custom-elements.json`],
    ...GENERATED_TYPINGS.map((file) => [`types/${file}`, `${outdir}/types/${file}`]),
  ].filter(([committed, fresh]) => !existsSync(committed) || readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8'));
  if (stale.length > 0) {
    console.error(`Stale: ${stale.map(([committed]) => committed).join(', ')}. Run \`npm run analyze\` and commit custom-elements.json and types/.`);
    process.exitCode = 1;
  } else {
    console.log(`custom-elements.json and ${GENERATED_TYPINGS.map((file) => `types/${file}`).join(', ')} are up to date.`);
  }
} finally {
  writeFileSync('package.json', packageJson);
  rmSync(outdir, { recursive: true, force: true });
}
