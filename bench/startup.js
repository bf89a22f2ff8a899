// Startup: navigation → "ready to sign in", against a blank page of the same skeleton.
//
// Ready = every element on the page defined, the provider's `status` attribute set, and the
// authorize button's native <button> rendered and enabled (signed in: status `authorized` and
// the unauthorize button enabled). "Painted" = the first frame after ready has been produced:
// a MessageChannel message posted from the next requestAnimationFrame, which runs after that
// frame's style, layout and paint. The blank page (no script, no elements) is "ready" at
// DOMContentLoaded and painted the same way, so ours − blank is what am-elements adds.
//
// Runs are paired (ours and blank back to back, the order alternating) and interleaved over
// CPU throttling rates (CDP Emulation.setCPUThrottlingRate), each load in a fresh browser
// context (cold HTTP cache, new renderer). Traced pairs, separate from the timed ones since
// tracing slows the page, give the split by cause (bench/startup-split.js).
//
// Signed in (a token in localStorage, `<am-library-list type="songs">`): navigation → ready,
// the first library page's data (its response end, Resource Timing) → rows in the DOM → rows
// painted, and every update() of each element until then.
import { developerToken, watchErrors } from './harness.js';
import { ms, summarize, summarizeRuns } from './stats.js';
import { signInPage, signInRun } from './signin.js';
import { cpuBetween, splitTrace, TRACE_CATEGORIES, PROBE_URL } from './startup-split.js';

export const THROTTLES = [1, 4];
const DONE = 'am-startup-bench: done';

/**
 * The skeleton both pages share: a heading and a line of text, so the blank page lays out
 * text in the page's font too (any real page does) and ours − blank is what the elements
 * add, not the first text a browser ever shapes. `body` goes after the text.
 */
function skeleton({ script, body }) {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>startup bench</title>
<style>body { margin: 0; padding: 20px; font: 15px/1.3 system-ui, sans-serif; } am-library-list { height: 500px; }</style>
${script ? `<script type="module" src="${script}"></script>\n` : ''}<h1>My music</h1>
<p>Connect Apple Music to see your albums here.</p>
${body}
</html>`;
}

/**
 * An empty module script: the "floor" page (the skeleton with it) shows what the browser charges
 * any page for loading a module script at all (a second request, the wait for it, running it
 * before DOMContentLoaded), which no script-loaded library can avoid.
 */
export const FLOOR_SCRIPT = { path: '/empty-module.js', source: 'export {};\n' };

/** The README's snippet (provider, two buttons, a list); `api-url` points at the emulator. */
export function startupPage(kind, apiUrl, script = '/am-elements.js') {
  if (kind === 'blank') return skeleton({ script: undefined, body: '' });
  if (kind === 'floor') return skeleton({ script: FLOOR_SCRIPT.path, body: '' });
  const type = kind === 'signed-in' ? 'songs' : 'albums';
  return skeleton({
    script,
    body: `<am-auth-provider developer-token="${developerToken()}" api-url="${apiUrl}">
  <am-authorize-button></am-authorize-button>
  <am-unauthorize-button></am-unauthorize-button>
  <am-library-list type="${type}"></am-library-list>
</am-auth-provider>`,
  });
}

/**
 * The init script (before any of the page's): notes ready and painted, and, signed in, the
 * list's first rows. A MutationObserver on the document and on every shadow root (through
 * attachShadow) re-checks after each change, so nothing polls; the blank page runs it too.
 */
function probe({ kind, countRenders, trace, last }) {
  const now = () => performance.now();
  const bench = (window.__startup = { renders: [], marks: {} });
  const mark = (name) => {
    if (bench.marks[name] !== undefined) return;
    bench.marks[name] = now();
    // Trace marks only when traced (the first performance.mark costs); the end is told to
    // the bench through the console, so nothing polls the page while it loads.
    if (trace) performance.mark(`startup:${name}`);
    if (name === last) console.debug(DONE);
  };
  const afterPaint = (name) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => mark(name);
      channel.port2.postMessage(0);
    });
  // The blank and floor pages have no elements: they are ready at DOMContentLoaded.
  const noElements = kind === 'blank' || kind === 'floor';
  addEventListener('DOMContentLoaded', () => {
    mark('dcl');
    if (noElements) {
      mark('ready');
      afterPaint('painted');
    }
  });
  if (noElements) return;

  const tags = ['am-auth-provider', 'am-authorize-button', 'am-unauthorize-button', 'am-library-list'];
  const enabled = (host) => {
    const button = host?.shadowRoot?.querySelector('button');
    return Boolean(button && !button.disabled);
  };
  const isReady = () => {
    const provider = document.querySelector('am-auth-provider');
    if (!provider || !tags.every((tag) => customElements.get(tag))) return false;
    const status = provider.getAttribute('status');
    if (kind === 'signed-in') return status === 'authorized' && enabled(provider.querySelector('am-unauthorize-button'));
    return status !== null && enabled(provider.querySelector('am-authorize-button'));
  };
  const check = () => {
    if (bench.marks.ready === undefined && isReady()) {
      mark('ready');
      afterPaint('painted');
    }
    if (
      kind === 'signed-in' &&
      bench.marks.rows === undefined &&
      document.querySelector('am-library-list')?.shadowRoot?.querySelector('[part=item]')
    ) {
      mark('rows');
      afterPaint('rowsPainted');
    }
  };
  // Only what the checks read: nodes added, the provider's status, a button's disabled.
  const observer = new MutationObserver(check);
  const what = { childList: true, subtree: true, attributeFilter: ['status', 'disabled'] };
  observer.observe(document, what);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    observer.observe(root, what);
    return root;
  };
  // The first define call: the script has arrived, compiled and run its top level.
  const define = customElements.define;
  customElements.define = function (name, constructor, options) {
    mark('define');
    if (countRenders) {
      const update = constructor.prototype.update;
      constructor.prototype.update = function (changed) {
        bench.renders.push({ element: name, t: now(), changed: [...changed.keys()].map(String) });
        return update.call(this, changed);
      };
    }
    return define.call(this, name, constructor, options);
  };
}

/**
 * One page load in a fresh context at `throttle`× CPU; `trace` also returns the split, and
 * `segments` its timeline (bench/startup-split.js), to look at one load step by step.
 */
export async function startupLoad(harness, url, { kind, throttle, trace = false, segments = false }) {
  const signedIn = kind === 'signed-in';
  const context = await harness.context({ signedIn });
  const options = { kind, countRenders: signedIn && !trace, trace, last: signedIn ? 'rowsPainted' : 'painted' };
  await context.addInitScript({ content: `const DONE = '${DONE}';\n(${probe})(${JSON.stringify(options)});\n//# sourceURL=${PROBE_URL}` });
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  try {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    if (trace) await harness.browser.startTracing(tab, { categories: TRACE_CATEGORIES });
    const done = tab.waitForEvent('console', { predicate: (message) => message.text() === DONE, timeout: 60_000 });
    await tab.goto(url, { waitUntil: 'commit' });
    await done;
    const page = await tab.evaluate(() => {
      const resource = (part) => {
        const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(part));
        return entry && { start: entry.startTime, requestStart: entry.requestStart, end: entry.responseEnd };
      };
      return { ...window.__startup, script: resource('/am-elements.js'), library: resource('/v1/me/library/') };
    });
    const traceEvents = trace ? JSON.parse((await harness.browser.stopTracing()).toString('utf8')).traceEvents : undefined;
    errors.check();
    const { marks } = page;
    const result = {
      readyMs: ms(marks.ready),
      paintedMs: ms(marks.painted),
      dclMs: ms(marks.dcl),
    };
    if (page.script) {
      /** Ours, in wall time: navigation → script response end → first define → ready → painted. */
      result.phases = {
        scriptArrivedMs: ms(page.script.end),
        scriptFetchMs: ms(page.script.end - page.script.start),
        toFirstDefineMs: ms(marks.define - page.script.end),
        defineToReadyMs: ms(marks.ready - marks.define),
        readyToPaintedMs: ms(marks.painted - marks.ready),
      };
    }
    if (signedIn) {
      const { library, renders } = page;
      result.rows = {
        /** The first library page's response end → rows in the list's DOM → that frame done. */
        dataToRowsMs: ms(marks.rows - library.end),
        dataToPaintedMs: ms(marks.rowsPainted - library.end),
        requestToPaintedMs: ms(marks.rowsPainted - library.requestStart),
        roundTripMs: ms(library.end - library.requestStart),
        /** Updates of the list from the start to the painted rows, and after the data arrived. */
        listRenders: renders.filter((r) => r.element === 'am-library-list').length,
        listRendersAfterData: renders.filter((r) => r.element === 'am-library-list' && r.t >= library.end).length,
        allRenders: renders.length,
      };
      result.rendersDetail = renders.map((r) => `${r.element}:${r.changed.join('+') || 'requestUpdate'}`);
    }
    if (traceEvents && signedIn) {
      // The data → painted rows window in main-thread CPU time, which other work on the machine barely moves.
      result.rows.dataToPaintedCpuMs = cpuBetween(traceEvents, url, page.library.end, marks.rowsPainted);
    } else if (traceEvents) result.split = splitTrace(traceEvents, url, { segments });
    return result;
  } finally {
    await context.close();
  }
}

/**
 * The startup section: per CPU rate, `runs` timed sets (ours, blank and the floor page, the
 * order rotating), `traced` traced pairs (ours and blank) for the split, and `runs` signed-in
 * loads; the rates interleave run by run. Then `clicks` sign-ins by mouse (bench/signin.js) for
 * the renders between am-authorize and the list's rows. Each cell has the raw runs and, per
 * set, ours − blank, floor − blank and ours − floor.
 */
export async function startupBench(harness, { runs, traced, clicks, progress = () => {} }) {
  harness.useLibrary(100);
  const origin = harness.pages.origin;
  harness.pages.script(FLOOR_SCRIPT.path, Buffer.from(FLOOR_SCRIPT.source));
  for (const kind of ['ours', 'blank', 'floor', 'signed-in'])
    harness.pages.page(`/startup-${kind}`, startupPage(kind, harness.emulator.origin));
  const url = (kind) => `${origin}/startup-${kind}`;
  const load = (kind, throttle, trace = false) => startupLoad(harness, url(kind), { kind, throttle, trace });
  const cells = THROTTLES.map((throttle) => ({ throttle, pairs: [], tracedPairs: [], signedIn: [], tracedSignedIn: [] }));
  // Warm-up (the browser's first renderer, disk caches): not reported.
  for (const kind of ['blank', 'floor', 'ours', 'signed-in']) await load(kind, 1);
  /** Loads `kinds` back to back, each run starting one further along: every order position is fair. */
  const set = async (kinds, throttle, run, trace) => {
    const result = {};
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[(i + run) % kinds.length];
      result[kind] = await load(kind, throttle, trace);
    }
    return result;
  };
  for (let run = 0; run < Math.max(runs, traced); run++) {
    for (const cell of cells) {
      if (run < runs) {
        cell.pairs.push(await set(['ours', 'blank', 'floor'], cell.throttle, run, false));
        cell.signedIn.push(await load('signed-in', cell.throttle));
      }
      if (run < traced) {
        cell.tracedPairs.push(await set(['ours', 'blank'], cell.throttle, run, true));
        cell.tracedSignedIn.push(await load('signed-in', cell.throttle, true));
      }
    }
    progress(`startup run ${run + 1}/${Math.max(runs, traced)}`);
  }
  harness.pages.page('/startup-signin', signInPage(harness.emulator.origin));
  const signIns = [];
  for (let i = 0; i < clicks; i++) signIns.push(await signInRun(harness, `${origin}/startup-signin`, { latency: 0 }));
  return { cells: cells.map(summarizeCell), signIn: summarizeSignIns(signIns) };
}

const diff = (pairs, key, from = 'ours', to = 'blank') => pairs.map((p) => p[from][key] - p[to][key]);
const readyAndPainted = (pairs, from, to) => ({
  readyMs: summarize(diff(pairs, 'readyMs', from, to)),
  paintedMs: summarize(diff(pairs, 'paintedMs', from, to)),
});

/** The page's own main-thread CPU time in a traced load: every cause but the bench's. */
const pageCpu = (split) =>
  Object.entries(split.cpu).reduce(
    (sum, [cause, value]) => (cause === 'tracing overhead' || cause === 'bench probe' ? sum : sum + value),
    0,
  );

function summarizeCell({ throttle, pairs, tracedPairs, signedIn, tracedSignedIn }) {
  const causes = Object.keys(tracedPairs[0]?.ours.split.causes ?? {});
  const splitOf = (pick) => Object.fromEntries(causes.map((cause) => [cause, summarize(tracedPairs.map((p) => pick(p, cause)))]));
  const splits = (key) => ({
    ours: splitOf((p, cause) => p.ours.split[key][cause]),
    blank: splitOf((p, cause) => p.blank.split[key][cause]),
    aboveBlank: splitOf((p, cause) => p.ours.split[key][cause] - p.blank.split[key][cause]),
  });
  return {
    throttle,
    pairs,
    tracedPairs: tracedPairs.map((p) => ({ ours: p.ours.split, blank: p.blank.split })),
    tracedSignedIn,
    signedIn,
    summary: {
      ours: summarizeRuns(pairs.map((p) => p.ours)),
      blank: summarizeRuns(pairs.map((p) => p.blank)),
      floor: summarizeRuns(pairs.map((p) => p.floor)),
      /** Paired: ours − blank, per set. */
      aboveBlank: readyAndPainted(pairs, 'ours', 'blank'),
      /** What loading any module script costs: the floor page − blank. */
      floorAboveBlank: readyAndPainted(pairs, 'floor', 'blank'),
      /** What am-elements costs once a module script is loaded at all: ours − the floor page. */
      aboveFloor: readyAndPainted(pairs, 'ours', 'floor'),
      traced: {
        /** Ready and painted above the blank page in the traced pairs (tracing slows both). */
        readyAboveBlankMs: summarize(tracedPairs.map((p) => p.ours.split.readyMs - p.blank.split.readyMs)),
        paintedAboveBlankMs: summarize(tracedPairs.map((p) => p.ours.split.paintedMs - p.blank.split.paintedMs)),
        /** Main-thread CPU time of the page, navigation → painted, ours − blank. */
        cpuAboveBlankMs: summarize(tracedPairs.map((p) => pageCpu(p.ours.split) - pageCpu(p.blank.split))),
        /** Per cause, in wall time and in main-thread CPU time. */
        split: { wall: splits('causes'), cpu: splits('cpu') },
      },
      signedIn: summarizeRuns(signedIn.map(({ rendersDetail: _rendersDetail, ...run }) => run)),
      signedInDataToPaintedCpuMs: summarize(tracedSignedIn.map((run) => run.rows.dataToPaintedCpuMs)),
    },
  };
}

function summarizeSignIns(runs) {
  const list = (run) => run.renders.authorizeToFirstRows['am-library-list'] ?? 0;
  return {
    runs: runs.map((run) => ({ renders: run.renders })),
    listRendersAuthorizeToRows: summarize(runs.map(list)),
    causes: runs[0]?.renders.causes['am-library-list'],
  };
}
