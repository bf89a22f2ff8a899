#!/usr/bin/env node
// Two builds side by side, for a change whose effect is smaller than this machine's noise:
//
//   git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci && npm run build)
//   npm run build && node bench/compare.js --base=/tmp/base/dist [--runs=20]
//
// Loads the startup pages (bench/startup.js: signed out, and signed in with the first page of
// songs) with the base build and with dist/, back to back in alternating order, each load in a
// fresh context, at 1× and 4× CPU. Prints, per figure, the median of the paired differences
// (this build − base) with its interquartile range, and each side's median. Nothing is traced.
import { readFile } from 'node:fs/promises';
import { startHarness } from './harness.js';
import { startupLoad, startupPage, THROTTLES } from './startup.js';
import { summarize } from './stats.js';

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const base = arg('base');
const runs = Number(arg('runs') ?? 20);
if (!base || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/compare.js --base=<another build’s dist directory> [--runs=N]');
  process.exit(1);
}

const FIGURES = {
  ours: { 'ready (ms)': (r) => r.readyMs, 'painted (ms)': (r) => r.paintedMs },
  'signed-in': {
    'ready (ms)': (r) => r.readyMs,
    'data → rows in DOM (ms)': (r) => r.rows.dataToRowsMs,
    'data → rows painted (ms)': (r) => r.rows.dataToPaintedMs,
    'list renders after the data': (r) => r.rows.listRendersAfterData,
  },
};

const harness = await startHarness();
harness.useLibrary(100);
const builds = { base: '/base/am-elements.js', this: '/am-elements.js' };
harness.pages.script(builds.base, await readFile(`${base}/am-elements.js`));
const origin = harness.pages.origin;
for (const kind of Object.keys(FIGURES)) {
  for (const [name, script] of Object.entries(builds))
    harness.pages.page(`/${name}-${kind}`, startupPage(kind, harness.emulator.origin, script));
}
const load = (name, kind, throttle) => startupLoad(harness, `${origin}/${name}-${kind}`, { kind, throttle });
for (const kind of Object.keys(FIGURES)) for (const name of Object.keys(builds)) await load(name, kind, 1); // warm-up

const results = [];
for (let run = 0; run < runs; run++) {
  for (const throttle of THROTTLES) {
    for (const kind of Object.keys(FIGURES)) {
      const order = run % 2 ? ['base', 'this'] : ['this', 'base'];
      const pair = {};
      for (const name of order) pair[name] = await load(name, kind, throttle);
      results.push({ throttle, kind, pair });
    }
  }
  process.stderr.write(`  … run ${run + 1}/${runs}\n`);
}
await harness.close();

const cell = (s) => `${s.median} (${s.q1}…${s.q3})`;
console.log(`this build − base (${base}), ${runs} paired runs: median of the differences (interquartile range); each side's median`);
for (const throttle of THROTTLES) {
  for (const [kind, figures] of Object.entries(FIGURES)) {
    const pairs = results.filter((r) => r.throttle === throttle && r.kind === kind).map((r) => r.pair);
    for (const [label, pick] of Object.entries(figures)) {
      const diff = summarize(pairs.map((p) => pick(p.this) - pick(p.base)));
      const side = (name) => summarize(pairs.map((p) => pick(p[name]))).median;
      console.log(
        `${throttle}× ${kind.padEnd(9)} ${label.padEnd(28)} ${cell(diff).padStart(24)}   this ${side('this')}, base ${side('base')}`,
      );
    }
  }
}
