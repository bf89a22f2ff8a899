// <am-library-list type="songs"> with 100, 1,000 and 10,000 songs at 0 and 100 ms latency, and
// <am-library-list parent="p.…"> on the emulator's 5,000-track playlist.
//
// The page is signed in through localStorage; per run it reports:
//   - API requests and time to the first rows on screen,
//   - API requests and time to the full list (the user dragging to the end after each page),
//   - row elements and DOM nodes held, and the JS heap after page 1 and after all items,
//   - frame times (rAF deltas: p50/p95/max) and long tasks (> 50 ms) while a script scrolls
//     the list from top to bottom, and the layouts and style recalculations per frame
//     (Chromium's LayoutCount / RecalcStyleCount): more than one layout a frame is thrash.
import { developerToken, watchErrors } from './harness.js';
import { ms, percentile } from './stats.js';

export const SIZES = [100, 1_000, 10_000];
export const LATENCIES = [0, 100];

/**
 * The scripted scrolls: top to bottom at 1500 px a frame (about 27 rows: every frame shows
 * only new rows, and covers wait until the list stops), and a browse over the first 30,000 px
 * at 100 px a frame (6,000 px/s), slow enough that every cover is requested and drawn.
 */
export const SCROLLS = {
  fling: { step: 1500, distance: Infinity },
  browse: { step: 100, distance: 30_000 },
};

/** The harness script of the list page; runs before the bundle. */
function harnessScript() {
  // Everything is timed on the page's clock; epoch times let Node line them up with the
  // emulator's request log.
  performance.setResourceTimingBufferSize(100000);
  const epoch = () => performance.timeOrigin + performance.now();
  window.bench = { loads: [], longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('am-library-load', (e) =>
    bench.loads.push({ t: performance.now(), epoch: epoch(), count: e.detail.items.length, done: e.detail.done }),
  );
  const list = () => document.querySelector('am-library-list');
  const box = () => list().shadowRoot.querySelector('[part=list]');
  const rowCount = () => list()?.shadowRoot?.querySelectorAll('[part=item]').length ?? 0;
  bench.firstRows = new Promise((resolve) => {
    const tick = () => (rowCount() ? resolve({ t: performance.now(), epoch: epoch(), rows: rowCount() }) : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  });
  /** The user drags to the end each time a page is in, until the last page. */
  bench.loadAll = async () => {
    while (!bench.loads.at(-1)?.done) {
      const seen = bench.loads.length;
      await list().updateComplete;
      const next = new Promise((resolve) => {
        const check = () => (bench.loads.length > seen ? resolve() : setTimeout(check, 2));
        check();
      });
      box().scrollTop = box().scrollHeight;
      await next;
    }
    const last = bench.loads.at(-1);
    await list().updateComplete;
    return { t: last.t, epoch: last.epoch, items: list().items.length };
  };
  bench.dom = () => ({
    rows: rowCount(),
    shadowNodes: list().shadowRoot.querySelectorAll('*').length,
    documentNodes: document.querySelectorAll('*').length,
  });
  /** Scrolls down from the top by a fixed step per frame; returns the frame deltas. */
  bench.scroll = ({ step, distance }) =>
    new Promise((resolve) => {
      const el = box();
      el.scrollTop = 0;
      const frames = [];
      let maxRows = 0;
      let last;
      let start;
      // Two settling frames first, so the jump back to the top is not counted.
      let warmup = 2;
      requestAnimationFrame(function frame(now) {
        if (warmup-- > 0) return requestAnimationFrame(frame);
        start ??= performance.now();
        if (last !== undefined) frames.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, rowCount());
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1 || el.scrollTop >= distance) {
          return resolve({ frames, maxRows, start, distance: el.scrollTop });
        }
        el.scrollTop += step;
        requestAnimationFrame(frame);
      });
    });
}

/** The long playlist's size in the emulator (its first library playlist). */
export { LONG_PLAYLIST_TRACKS } from '../cli/emulator/catalog.js';

/** The list page, signed in as TEAM against `apiUrl`; `list` is the list's attributes. */
export function listPage(apiUrl, list = 'type="songs" aria-label="Songs"') {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>am-library-list bench</title>
<style>
  body { margin: 0; font: 15px/1.3 system-ui, sans-serif; }
  am-library-list { --am-list-max-height: 800px; height: 800px; }
</style>
<script>(${harnessScript})();</script>
<script type="module" src="/am-elements.js"></script>
<am-auth-provider developer-token="${developerToken()}" api-url="${apiUrl}" logout-url="">
  <am-library-list ${list}></am-library-list>
</am-auth-provider>
</html>`;
}

/** Chromium's layout and style counters, for deltas around a scroll. */
async function layoutMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    layouts: get('LayoutCount'),
    styles: get('RecalcStyleCount'),
    layoutMs: get('LayoutDuration') * 1000,
    styleMs: get('RecalcStyleDuration') * 1000,
    scriptMs: get('ScriptDuration') * 1000,
  };
}

/**
 * One run of the list scenario at `latency` ms, on whatever library the emulator holds
 * (`songs` is what the list must end up with). `warmUp` stops after the first rows.
 */
export async function libraryRun(harness, url, { songs, latency, warmUp = false }) {
  const { emulator } = harness;
  emulator.state.latency = latency;
  emulator.state.log.clear();
  const context = await harness.context({ signedIn: true });
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const libraryLog = () => emulator.state.log.entries.filter((e) => e.path.startsWith('/v1/me/library/'));
  const requestsUntil = (epoch) => libraryLog().filter((e) => Date.parse(e.time) <= epoch).length;

  try {
    await tab.goto(url);
    const first = await tab.evaluate(async () => {
      const rows = await bench.firstRows;
      // The first library request as the browser saw it (its CORS preflight included).
      const request = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/v1/me/library/'));
      return { ...rows, requestStart: request.startTime, responseEnd: request.responseEnd };
    });
    if (warmUp) return undefined;
    const heapFirst = await heap();
    const full = await tab.evaluate(() => bench.loadAll());
    const dom = await tab.evaluate(() => bench.dom());
    const heapFull = await heap();
    const scroll = {};
    for (const [name, options] of Object.entries(SCROLLS)) {
      const before = await tab.evaluate(() => bench.longTasks.length);
      const metricsBefore = await layoutMetrics(cdp);
      const run = await tab.evaluate((o) => bench.scroll({ step: o.step, distance: o.distance ?? Infinity }), {
        step: options.step,
        distance: Number.isFinite(options.distance) ? options.distance : null,
      });
      const metricsAfter = await layoutMetrics(cdp);
      const tasks = (await tab.evaluate(() => bench.longTasks)).slice(before).filter((task) => task.start >= run.start);
      // Warm-up frames and the jump to the top are inside the delta: + 3 frames.
      const frames = run.frames.length + 3;
      const per = (key) => Math.round(((metricsAfter[key] - metricsBefore[key]) / frames) * 100) / 100;
      scroll[name] = {
        stepPx: options.step,
        distancePx: Math.round(run.distance),
        frames: run.frames.length,
        frameMs: { p50: ms(percentile(run.frames, 50)), p95: ms(percentile(run.frames, 95)), max: ms(Math.max(...run.frames)) },
        maxRows: run.maxRows,
        longTasks: tasks.length,
        longestTaskMs: ms(Math.max(0, ...tasks.map((task) => task.duration))),
        perFrame: {
          layouts: per('layouts'),
          styleRecalcs: per('styles'),
          layoutMs: per('layoutMs'),
          styleMs: per('styleMs'),
          scriptMs: per('scriptMs'),
        },
      };
    }
    const statuses = libraryLog().map((e) => e.status);
    errors.check();
    if (full.items !== songs) throw new Error(`expected ${songs} items, got ${full.items}`);
    return {
      firstRows: {
        timeMs: ms(first.t),
        requests: requestsUntil(first.epoch),
        rows: first.rows,
        /** From the first request's start (preflight included) to its answer, and to rows on screen. */
        roundTripMs: ms(first.responseEnd - first.requestStart),
        sinceRequestMs: ms(first.t - first.requestStart),
      },
      fullList: { timeMs: ms(full.t), requests: requestsUntil(full.epoch), items: full.items, statuses: [...new Set(statuses)].join(',') },
      dom: { ...dom, maxRowsWhileScrolling: Math.max(...Object.values(scroll).map((s) => s.maxRows)) },
      heapMB: { afterFirstPage: ms(heapFirst / 2 ** 20), afterAll: ms(heapFull / 2 ** 20) },
      scroll,
    };
  } finally {
    await context.close();
  }
}
