#!/usr/bin/env node
// `npm run bench`: how <am-library-list type="songs"> copes with a 10,000-song library.
//
// Starts the Apple emulator in-process (10,000 songs, latency 0 and 100 ms), serves a page
// with dist/am-elements.js signed in through localStorage, drives it in headless Chromium
// (playwright-core) and reports, per latency:
//   - API requests and time to the first rows on screen,
//   - API requests and time to the full list (the user dragging to the end after each page),
//   - row elements and DOM nodes held, and the JS heap after loading 10,000 items,
//   - frame times (rAF deltas: p50/p95/max) and long tasks (> 50 ms) while a script scrolls
//     the list from top to bottom.
// Prints a table and writes bench/results/latest.json. Run `npm run build` first (the npm
// script does).
import { createServer } from 'node:http';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startEmulator } from '../cli/emulator/index.js';
import { librarySplit } from '../cli/emulator/library.js';
import { findChromium, CHROMIUM_FLAGS } from '../scripts/chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundlePath = `${root}dist/am-elements.js`;
const TEAM = 'BENCHTEAM1';
const SONGS = 10_000;
const LATENCIES = [0, 100];
/**
 * The scripted scrolls: top to bottom at 1500 px a frame (about 27 rows: every frame shows
 * only new rows, and covers wait until the list stops), and a browse over the first 30,000 px
 * at 100 px a frame (6,000 px/s), slow enough that every cover is requested and drawn.
 */
const SCROLLS = {
  fling: { step: 1500, distance: Infinity },
  browse: { step: 100, distance: 30_000 },
};
const VIEWPORT = { width: 1280, height: 900 };

/** Smallest emulator size whose split gives at least SONGS songs. */
function sizeForSongs(songs) {
  let size = Math.ceil(songs / 0.7) - 50;
  while (librarySplit(size).songs < songs) size++;
  return size;
}

/** Looks like a developer token to the emulator, which cannot check Apple's signature. */
function developerToken() {
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'ES256', kid: 'BENCHKEY01' })}.${b64({ iss: TEAM, iat: now, exp: now + 3600 })}.c2ln`;
}

function page(apiUrl) {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>am-library-list bench</title>
<style>
  body { margin: 0; font: 15px/1.3 system-ui, sans-serif; }
  am-library-list { --am-list-max-height: 800px; height: 800px; }
</style>
<script>
  // Harness: everything is timed on the page's clock; epoch times let Node line them up with
  // the emulator's request log.
  performance.setResourceTimingBufferSize(100000);
  const epoch = () => performance.timeOrigin + performance.now();
  window.bench = { loads: [], longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('am-library-load', (e) => bench.loads.push({ t: performance.now(), epoch: epoch(), count: e.detail.items.length, done: e.detail.done }));
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
</script>
<script type="module" src="/am-elements.js"></script>
<am-auth-provider developer-token="${developerToken()}" api-url="${apiUrl}" logout-url="">
  <am-library-list type="songs" aria-label="Songs"></am-library-list>
</am-auth-provider>
</html>`;
}

function serve(html, bundle) {
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(html);
    }
    if (req.url === '/am-elements.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      return res.end(bundle);
    }
    res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const percentile = (values, p) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => Math.round(value * 10) / 10;

async function scenario(browser, emulator, origin, latency, { warmUp = false } = {}) {
  emulator.state.latency = latency;
  emulator.state.log.clear();
  const token = emulator.state.tokens.issue();
  const context = await browser.newContext({ viewport: VIEWPORT });
  // "localhost" for the page, 127.0.0.1 for the API: a cross-origin API as with Apple.
  await context.addInitScript(
    ({ team, token }) => {
      localStorage.setItem(`music.${team}.media-user-token`, token);
      localStorage.setItem(`music.${team}.itre`, '0');
    },
    { team: TEAM.toLowerCase(), token },
  );
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(tab);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const libraryLog = () => emulator.state.log.entries.filter((e) => e.path.startsWith('/v1/me/library/'));
  const requestsUntil = (epoch) => libraryLog().filter((e) => Date.parse(e.time) <= epoch).length;

  await tab.goto(origin);
  const first = await tab.evaluate(async () => {
    const rows = await bench.firstRows;
    // The first library request as the browser saw it (its CORS preflight included).
    const request = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/v1/me/library/'));
    return { ...rows, requestStart: request.startTime, responseEnd: request.responseEnd };
  });
  if (warmUp) return context.close();
  const heapFirst = await heap();
  const full = await tab.evaluate(() => bench.loadAll());
  const dom = await tab.evaluate(() => bench.dom());
  const heapFull = await heap();
  const scrolls = {};
  for (const [name, options] of Object.entries(SCROLLS)) {
    const before = await tab.evaluate(() => bench.longTasks.length);
    const run = await tab.evaluate((o) => bench.scroll({ step: o.step, distance: o.distance ?? Infinity }), { step: options.step, distance: Number.isFinite(options.distance) ? options.distance : null });
    const tasks = (await tab.evaluate(() => bench.longTasks)).slice(before).filter((task) => task.start >= run.start);
    scrolls[name] = {
      stepPx: options.step,
      distancePx: Math.round(run.distance),
      frames: run.frames.length,
      frameMs: { p50: ms(percentile(run.frames, 50)), p95: ms(percentile(run.frames, 95)), max: ms(Math.max(...run.frames)) },
      maxRows: run.maxRows,
      longTasks: tasks.length,
      longestTaskMs: ms(Math.max(0, ...tasks.map((task) => task.duration))),
    };
  }
  const statuses = libraryLog().map((e) => e.status);
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  if (full.items !== SONGS) throw new Error(`expected ${SONGS} songs, got ${full.items}`);

  return {
    latencyMs: latency,
    firstRows: {
      timeMs: ms(first.t),
      requests: requestsUntil(first.epoch),
      rows: first.rows,
      /** From the first request's start (preflight included) to its answer, and to rows on screen. */
      roundTripMs: ms(first.responseEnd - first.requestStart),
      sinceRequestMs: ms(first.t - first.requestStart),
    },
    fullList: { timeMs: ms(full.t), requests: requestsUntil(full.epoch), items: full.items, statuses: [...new Set(statuses)] },
    dom: { ...dom, maxRowsWhileScrolling: Math.max(scrolls.fling.maxRows, scrolls.browse.maxRows) },
    heapMB: { afterFirstPage: ms(heapFirst / 2 ** 20), after10000: ms(heapFull / 2 ** 20) },
    scroll: scrolls,
  };
}

function table(results) {
  const rows = [
    ['latency (ms)', (r) => r.latencyMs],
    ['first rows: time (ms)', (r) => r.firstRows.timeMs],
    ['first rows: API requests', (r) => r.firstRows.requests],
    ['first rows: since request (ms)', (r) => r.firstRows.sinceRequestMs],
    ['first request round trip (ms)', (r) => r.firstRows.roundTripMs],
    ['full list: time (ms)', (r) => r.fullList.timeMs],
    ['full list: API requests', (r) => r.fullList.requests],
    ['items loaded', (r) => r.fullList.items],
    ['row elements in DOM', (r) => r.dom.rows],
    ['max rows while scrolling', (r) => r.dom.maxRowsWhileScrolling],
    ['shadow DOM nodes', (r) => r.dom.shadowNodes],
    ['JS heap after page 1 (MB)', (r) => r.heapMB.afterFirstPage],
    ['JS heap after 10,000 (MB)', (r) => r.heapMB.after10000],
    ...Object.keys(SCROLLS).flatMap((name) => [
      [`${name} scroll: frames`, (r) => `${r.scroll[name].frames}`],
      [`${name} scroll: px`, (r) => r.scroll[name].distancePx],
      [`${name} frame p50/p95/max (ms)`, (r) => `${r.scroll[name].frameMs.p50}/${r.scroll[name].frameMs.p95}/${r.scroll[name].frameMs.max}`],
      [`${name} long tasks > 50 ms`, (r) => `${r.scroll[name].longTasks}${r.scroll[name].longTasks ? ` (max ${r.scroll[name].longestTaskMs})` : ''}`],
    ]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, get]) => `${label.padEnd(width)}  ${results.map((r) => String(get(r)).padStart(14)).join('  ')}`).join('\n');
}

async function main() {
  if (!existsSync(bundlePath)) throw new Error('dist/am-elements.js is missing: run `npm run build` first (npm run bench does).');
  const size = sizeForSongs(SONGS);
  const emulator = await startEmulator({ port: 0, size, seed: 1, quiet: true });
  const html = page(emulator.origin);
  const server = await serve(html, await readFile(bundlePath));
  const origin = `http://localhost:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
  const results = [];
  try {
    // One unreported run first, so compiling the bundle and warming caches is not timed.
    await scenario(browser, emulator, origin, 0, { warmUp: true });
    for (const latency of LATENCIES) results.push(await scenario(browser, emulator, origin, latency));
  } finally {
    await browser.close();
    server.close();
    await emulator.close();
  }
  const report = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    viewport: VIEWPORT,
    library: { size, songs: librarySplit(size).songs },
    // Frame times are only as quiet as the machine: other work shows up as long frames.
    machine: { cpus: cpus().length, loadAverage: loadavg().map((value) => Math.round(value * 100) / 100) },
    results,
  };
  console.log(`<am-library-list type="songs">, ${report.library.songs} songs, Chromium ${report.chromium}, headless, ${VIEWPORT.width}×${VIEWPORT.height}, list 800 px high`);
  console.log(`${report.machine.cpus} CPUs, load average ${report.machine.loadAverage.join(' ')} (other work on the machine shows up as long frames)`);
  console.log(table(results));
  console.log('Times from navigation start. Full list: the user drags to the end after each page (pages load as the end nears).');
  console.log('fling: top to bottom at 1500 px/frame (covers wait until the list stops); browse: 30,000 px at 100 px/frame with covers.');
  await mkdir(`${root}bench/results`, { recursive: true });
  await writeFile(`${root}bench/results/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log('Wrote bench/results/latest.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
