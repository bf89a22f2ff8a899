// Size budgets (part of `npm run check`, so of `npm test` and CI). Sizes only, never times:
// they are deterministic for a given build and lock file.
//
// For each budget in size-budgets.json it prints the size against the `enforced` regression
// guard (the size when it was set + 3%), which fails the script, and, for reference, how far it
// is from issue 7's retired `target` (bench/README.md, "Size budgets"): sizes are guarded, not aimed at. A page that
// imports only the provider and the authorize button must not bundle any list code: that
// check is enforced too.
//
// Needs `npm run build` first (dist/). The bundler-user sizes come from bench/size.js (esbuild).
import { readFileSync } from 'node:fs';
import { measureShipped, measureEntrySet, kb, root } from '../bench/size.js';

const config = JSON.parse(readFileSync(`${root}size-budgets.json`, 'utf8'));
const shipped = measureShipped();
console.log(`${shipped.file}: ${(shipped.raw / 1024).toFixed(1)} KB raw, ${kb(shipped.gzip)} gzip (${shipped.gzip} bytes)`);

/** @type {Record<string, Awaited<ReturnType<typeof measureEntrySet>>>} */
const entries = {};
/** @param {string} key */
const measureSet = async (key) => (entries[key] ??= await measureEntrySet(key));
/**
 * A budget's `measure`: the shipped file, its playback file (a budget names it only when the
 * build makes it) or an import set of bench/size.js.
 * @param {string} key
 * @returns {Promise<{ gzip: number }>}
 */
const measure = async (key) =>
  key === 'shipped' ? shipped : key === 'shipped-playback' ? /** @type {{ gzip: number }} */ (shipped.playback) : measureSet(key);

/** @type {string[]} */
const failures = [];
/** @type {string[][]} */
const rows = [];
for (const budget of config.budgets) {
  const { gzip } = await measure(budget.measure);
  const over = gzip - (budget.target ?? 0);
  const target = budget.target === undefined ? '' : `${kb(Math.abs(over))} ${over > 0 ? 'above' : 'below'} it`;
  let guard = 'not enforced';
  if (budget.enforced !== undefined) {
    const ok = gzip <= budget.enforced;
    guard = `${ok ? 'ok' : 'FAIL'} (enforced ≤ ${kb(budget.enforced)}${ok ? '' : `, over by ${gzip - budget.enforced} bytes`})`;
    if (!ok)
      failures.push(
        `${budget.label}: ${gzip} bytes gzip > enforced ${budget.enforced} (it measured ${budget.measuredWhenSet} when the guard was set)`,
      );
  }
  const aims =
    budget.target === undefined ? 'guard only' : `retired target ${kb(budget.target)}${budget.aim ? ` (aim ${kb(budget.aim)})` : ''}`;
  rows.push([budget.label, `${kb(gzip)}`, aims, target, guard]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
console.log('Size budgets (gzip -9, 1 KB = 1024 bytes):');
for (const row of rows)
  console.log(
    `  ${row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd()}`,
  );

// No list code behind the provider and the button.
const sansList = await measureSet('provider+authorize-button');
// That set has `list: false`, so bench/size.js measured its list code.
const listCode = /** @type {NonNullable<typeof sansList.listCode>} */ (sansList.listCode);
const listFree = !listCode.modules.length && !listCode.tagInOutput;
const listCheck = config.checks?.providerAndButtonWithoutList?.enforced !== false;
console.log(
  `  provider + authorize button bundle holds no list code: ${listFree ? 'PASS' : `FAIL (${listCode.modules.join(', ') || 'am-library-list in the output'})`}`,
);
if (!listFree && listCheck) failures.push('the provider + authorize button bundle pulls in <am-library-list> code');

// No playback code where no playback element was asked for: it loads on its own (README, the
// files table: the bundle loads am-elements-playback.js only when needed).
for (const key of ['provider+authorize-button', 'everything']) {
  const { playbackCode: measured, label } = await measureSet(key);
  // Both sets have `playback: false`, so bench/size.js measured their playback code.
  const playbackCode = /** @type {NonNullable<typeof measured>} */ (measured);
  const clean = !playbackCode.modules.length && !playbackCode.inOutput;
  console.log(
    `  ${label} bundle holds no playback code: ${clean ? 'PASS' : `FAIL (${playbackCode.modules.join(', ') || 'playback code in the output'})`}`,
  );
  if (!clean) failures.push(`the ${label} bundle pulls in playback code`);
}
console.log(
  `  dist/am-elements.js holds no playback code (it loads ${shipped.playback?.file}): ${shipped.holdsPlaybackCode ? 'FAIL' : 'PASS'}`,
);
if (shipped.holdsPlaybackCode) failures.push('dist/am-elements.js holds playback code');

for (const { specifier, exported, usedFile } of sansList.imports) {
  if (!exported)
    console.log(`  WARN: "${specifier}" is not in package.json "exports" (measured from ${usedFile}); bundlers will refuse that import.`);
}

if (failures.length) {
  console.error(`\nSize check failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  console.error('If the growth is intended, say why in the commit and raise `enforced` in size-budgets.json.');
  process.exit(1);
}
