// Layout thrash in the list, from a Chromium trace (one pass, not timed: tracing slows frames).
// Loads the 10,000-song list, then traces each scripted scroll and counts, per frame:
// layouts and style recalculations, and how many of them script forced (Chromium attaches
// the JavaScript stack to a Layout / UpdateLayoutTree event that script forced). Forced call
// sites are mapped back to src/ through dist/am-elements.js.map.
//
// One layout per frame is the floor; a second one in the same frame is thrash. A forced one
// costs the same as the lifecycle's would, but runs inside script (and blocks it).
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { relative } from 'node:path';
import { root } from './size.js';
import { listPage, SCROLLS } from './library.js';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack'];

function sourceMapper() {
  let map;
  let payload;
  try {
    payload = JSON.parse(readFileSync(`${root}dist/am-elements.js.map`, 'utf8'));
    map = new SourceMap(payload);
  } catch {
    return (frame) => `${frame.functionName || '(anonymous)'} (no source map)`;
  }
  return (frame) => {
    // Trace stack frames count lines and columns from 1; source maps from 0.
    const entry = map.findEntry(frame.lineNumber - 1, frame.columnNumber - 1);
    if (!entry?.originalSource) return frame.functionName || '(anonymous)';
    const file = relative(root, entry.originalSource.replace(/^file:\/\//, '')).replace(/^(\.\.\/)+/, '');
    const content = payload.sourcesContent?.[payload.sources.indexOf(entry.originalSource)];
    const code = content?.split('\n')[entry.originalLine]?.trim();
    return `${file}:${entry.originalLine + 1}${code ? ` \`${code.length > 60 ? `${code.slice(0, 57)}...` : code}\`` : ''}`;
  };
}

/** Counts layouts and style recalcs (and the forced ones, by call site) in trace `events`. */
function analyze(events, frames, locate) {
  const ours = (frame) => /\/am-elements\.js$/.test(frame.url);
  const stats = { layouts: 0, forcedLayouts: 0, styleRecalcs: 0, forcedStyleRecalcs: 0, layoutMs: 0, forcedLayoutMs: 0 };
  const sites = new Map();
  for (const event of events) {
    const isLayout = event.name === 'Layout';
    if (!isLayout && event.name !== 'UpdateLayoutTree') continue;
    const stack = event.args?.beginData?.stackTrace ?? event.args?.data?.stackTrace;
    const durMs = (event.dur ?? 0) / 1000;
    if (isLayout) {
      stats.layouts++;
      stats.layoutMs += durMs;
    } else stats.styleRecalcs++;
    if (!stack?.length) continue;
    if (isLayout) {
      stats.forcedLayouts++;
      stats.forcedLayoutMs += durMs;
    } else stats.forcedStyleRecalcs++;
    // The call site: our innermost frame, and the one that called it.
    const mine = stack.filter(ours).slice(0, 2).map(locate);
    const site = `${isLayout ? 'layout' : 'style'} ← ${mine.join(' ← ') || `${stack[0].functionName} ${stack[0].url}`}`;
    const entry = sites.get(site) ?? { site, count: 0, ms: 0 };
    entry.count++;
    entry.ms += durMs;
    sites.set(site, entry);
  }
  const per = (n) => Math.round((n / frames) * 100) / 100;
  return {
    frames,
    perFrame: {
      layouts: per(stats.layouts),
      forcedLayouts: per(stats.forcedLayouts),
      styleRecalcs: per(stats.styleRecalcs),
      forcedStyleRecalcs: per(stats.forcedStyleRecalcs),
      layoutMs: Math.round((stats.layoutMs / frames) * 100) / 100,
    },
    totals: { ...stats, layoutMs: Math.round(stats.layoutMs), forcedLayoutMs: Math.round(stats.forcedLayoutMs) },
    forcedSites: [...sites.values()].sort((a, b) => b.count - a.count).map((s) => ({ ...s, ms: Math.round(s.ms * 10) / 10 })),
  };
}

/** Traces each scripted scroll over a loaded list of `songs` songs. */
export async function reflowPass(harness, { songs = 10_000 } = {}) {
  const { browser, emulator } = harness;
  harness.useLibrary(songs);
  emulator.state.latency = 0;
  harness.pages.page('/list', listPage(emulator.origin));
  const context = await harness.context({ signedIn: true });
  const tab = await context.newPage();
  const locate = sourceMapper();
  try {
    await tab.goto(`${harness.pages.origin}/list`);
    await tab.evaluate(() => bench.firstRows);
    await tab.evaluate(() => bench.loadAll());
    const result = { songs };
    for (const [name, options] of Object.entries(SCROLLS)) {
      await browser.startTracing(tab, { categories: CATEGORIES });
      const run = await tab.evaluate((o) => bench.scroll({ step: o.step, distance: o.distance ?? Infinity }), {
        step: options.step,
        distance: Number.isFinite(options.distance) ? options.distance : null,
      });
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      const events = trace.traceEvents ?? trace;
      // Only the list page's renderer (the process that ran our script).
      const pid = events.find((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree')?.pid;
      // + 3: the two warm-up frames and the jump to the top are traced too.
      result[name] = analyze(
        events.filter((e) => e.pid === pid),
        run.frames.length + 3,
        locate,
      );
    }
    return result;
  } finally {
    await context.close();
  }
}
