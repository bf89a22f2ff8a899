// Fails early, with a message saying what to do, when no Chromium is installed.
import { findChromium } from './chromium.js';

try {
  findChromium();
} catch (error) {
  console.error(`\n${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}
