// Fails when custom-elements.json is not what the analyzer produces from the sources now.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const outdir = '.cem-check';
// The analyzer rewrites package.json's "customElements" to its output path: put it back.
const packageJson = readFileSync('package.json', 'utf8');
try {
  execFileSync('npx', ['cem', 'analyze', '--outdir', outdir], { stdio: 'ignore' });
  const fresh = readFileSync(`${outdir}/custom-elements.json`, 'utf8');
  if (fresh !== readFileSync('custom-elements.json', 'utf8')) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    process.exitCode = 1;
  } else {
    console.log('custom-elements.json is up to date.');
  }
} finally {
  writeFileSync('package.json', packageJson);
  rmSync(outdir, { recursive: true, force: true });
}
