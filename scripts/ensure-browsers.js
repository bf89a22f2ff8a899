// Fails early, with a message saying what to install, when an engine the tests use is missing.
//
//   node scripts/ensure-browsers.js              the engines of AM_BROWSERS (all three when unset)
//   node scripts/ensure-browsers.js chromium     those named (the framework and WordPress tests)
//   node scripts/ensure-browsers.js --apt-missing
//       prints the apt packages of all three engines that are not installed, one a line, for
//       scripts/ensure-browsers.sh
//
// Browsers are looked for by scripts/engines.js (Chromium by scripts/chromium.js), where the
// tests look for them.
import { checkEngines, missingAptPackages, selectedEngines } from './engines.js';

const args = process.argv.slice(2);
try {
  if (args[0] === '--apt-missing') {
    for (const name of missingAptPackages()) console.log(name);
  } else {
    checkEngines(args.length ? selectedEngines(args.join(',')) : selectedEngines());
  }
} catch (error) {
  console.error(`\n${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}
