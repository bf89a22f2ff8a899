#!/usr/bin/env node
// `npm run test:browser`: the browser tests in Chromium, Firefox and WebKit. One engine (or
// two) while developing: `npm run test:browser -- --browsers firefox` (or `firefox,webkit`);
// everything else (test files, --watch, …) goes to web-test-runner as it is.
import { startTestRunner } from '@web/test-runner';
import { ENGINES, checkEngines, selectedEngines } from './engines.js';

const args = process.argv.slice(2);
const rest = [];
let browsers;
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split('=', 2);
  if (flag !== '--browsers') {
    rest.push(args[i]);
    continue;
  }
  const names = inline === undefined ? [] : [inline];
  // Space-separated names follow the flag until something that is not an engine.
  while (inline === undefined && i + 1 < args.length && ENGINES.includes(args[i + 1].toLowerCase().split(',')[0])) names.push(args[++i]);
  browsers = [...(browsers ?? []), ...names];
}

try {
  if (browsers) {
    if (!browsers.length) throw new Error(`--browsers needs one or more of ${ENGINES.join(', ')}.`);
    process.env.AM_BROWSERS = browsers.join(',');
  }
  checkEngines(selectedEngines());
} catch (error) {
  console.error(`\n${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}

await startTestRunner({ argv: rest });
