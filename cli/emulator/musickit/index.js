// @ts-check
// Assembles the MusicKit JS stand-in served at /musickit/v3/musickit.js. Its two parts are
// written as modules (so the type checker and the Node tests can read them) and joined here
// into one classic script, as Apple's is: imports and `export` keywords are dropped and both
// run in one function scope, so nothing but `window.MusicKit` reaches the page.
import { readFileSync } from 'node:fs';

/** @param {string} name */
function part(name) {
  const source = readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
  return source
    .replace(/^\/\/ @ts-check\n/, '')
    .replace(/^import [^;]+ from '\.\/[\w-]+\.js';\n/gm, '')
    .replace(/^export (?=(?:async )?(?:class|function|const|let) )/gm, '');
}

export const STAND_IN_SCRIPT = `// MusicKit JS v3 stand-in, served by the am-elements emulator. Not Apple's MusicKit JS and no
// code of Apple's: it follows the public API's names for the part am-elements uses.
(() => {
'use strict';
if (window.MusicKit) return;
${part('items.js')}
${part('player.js')}
})();
`;
