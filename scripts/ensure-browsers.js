// Fails early, with a message saying what to install, when an engine the tests use is missing
// (all three, or those named by AM_BROWSERS).
import { checkEngines } from './engines.js';

try {
  checkEngines();
} catch (error) {
  console.error(`\n${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}
