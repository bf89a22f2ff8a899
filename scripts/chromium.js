// Where Chromium lives on these machines, and the flags it needs on a closed network. The one
// place that finds Chromium: the browser, end-to-end, framework and WordPress tests, the bench and
// the screenshot scripts launch what it returns, and scripts/ensure-browsers.sh (through
// scripts/engines.js) installs Chromium when it finds none.
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** @returns {string} */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'Chromium was not found. Install it with `sudo apt-get install -y chromium` (or set CHROME_PATH to a Chrome/Chromium binary).',
    );
  }
  return found;
}
