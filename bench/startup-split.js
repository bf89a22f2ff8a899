// Where a page load's time goes, from a Chromium trace with the V8 sampling profiler in it.
//
// The page's main thread is walked in 0.1 ms steps from navigationStart to the `startup:painted`
// mark. Each step gets one cause, from what the thread was doing then: the innermost trace event
// (compile, style, layout and paint, HTML parsing, GC) and, while JavaScript ran, the sampled
// stack, mapped to src/ and node_modules/ through dist/am-elements.js.map (the innermost frame
// whose file names a cause wins: css-tag → style sheets, lit-html → first render, @lit/context →
// context wiring, the token store and developer token → storage and token parsing, bundle.ts →
// playback watcher). Other JavaScript falls to the event it runs in: the element registry's
// define → element definition, an upgrade (constructor, connectedCallback) → element
// definition, a microtask checkpoint (Lit's updates) → first render, module evaluation →
// evaluate. Idle time is split at the first script event: before it the page waits for the
// script (or, before the HTML arrives, for the navigation); after it, for a frame.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { root } from './size.js';

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'blink.user_timing',
  'loading',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
];

export const CAUSES = [
  'navigation, HTML parse',
  'script fetch/wait',
  'compile',
  'evaluate',
  'element definition',
  'style sheets',
  'first render',
  'context wiring',
  'storage, token parsing',
  'playback watcher',
  'bench probe',
  'idle (frame, timers)',
  'other',
  'tracing overhead',
];

const STEP_US = 100;
/** The sourceURL the bench gives its init script, so its own time is told apart. */
export const PROBE_URL = 'bench-startup-probe.js';

/** Source file (under src/ or node_modules/) → cause. */
const FILE_CAUSES = [
  [/\/css-tag\.js$/, 'style sheets'],
  [/\/(lit-html|lit-element)\.js$/, 'first render'],
  [/@lit\/context\/|src\/internal\/auth-consumer\.ts$|src\/context\.ts$/, 'context wiring'],
  [/src\/core\/(token-store|developer-token|developer-token-source|auth-session|hand-off|status)\.ts$/, 'storage, token parsing'],
  [/src\/bundle\.ts$/, 'playback watcher'],
];

/** Trace event name → cause, for work that is not JavaScript (or that JavaScript forced). */
function eventCause(name) {
  if (/compile/i.test(name)) return 'compile';
  if (/^(CSSParserImpl::|UpdateLayoutTree|ParseAuthorStyleSheet|Document::updateStyle|Document::recalcStyle|StyleEngine::)/.test(name))
    return 'style sheets';
  if (
    /^(Layout|PrePaint|Paint|Commit|UpdateLayer|LocalFrameView::(layout|RunPaintLifecyclePhase|RunPrePaintLifecyclePhase)|PaintArtifactCompositor::Update)$/.test(
      name,
    )
  )
    return 'first render';
  if (/^(ParseHTML|RenderFrameImpl::CommitNavigation|FrameLoader::CommitNavigation)$/.test(name)) return 'navigation, HTML parse';
  if (/GC|garbage/i.test(name)) return 'other';
  return undefined;
}

/** JavaScript not named by its file: the event it runs in. */
function structuralCause(name) {
  if (name === 'CustomElementReactionQueue::invokeReactions' || name === 'CustomElementRegistry::define') return 'element definition';
  if (name === 'RunMicrotasks' || name === 'BlinkScheduler_PerformMicrotaskCheckpoint') return 'first render';
  if (name === 'v8.evaluateModule') return 'evaluate';
  return undefined;
}

const mappers = new Map();
/** Maps a frame of dist/am-elements.js (or the build whose map is `mapPath`) to its source file. */
function sourceFileOf(frame, mapPath = `${root}dist/am-elements.js.map`) {
  let mapper = mappers.get(mapPath);
  if (!mapper) {
    try {
      mapper = { map: new SourceMap(JSON.parse(readFileSync(mapPath, 'utf8'))), cache: new Map() };
    } catch {
      mapper = { map: undefined, cache: new Map() };
    }
    mappers.set(mapPath, mapper);
  }
  const key = `${frame.lineNumber}:${frame.columnNumber}`;
  if (!mapper.cache.has(key)) mapper.cache.set(key, mapper.map?.findEntry(frame.lineNumber, frame.columnNumber)?.originalSource ?? '');
  return mapper.cache.get(key);
}

/** The cause named by the innermost frame of `node`'s stack that has one. */
function stackCause(node, nodes, mapPath) {
  for (let n = node; n; n = nodes.get(n.parent)) {
    const { url = '' } = n.callFrame;
    if (/\/am-elements(-playback)?\.js$/.test(url)) {
      const file = sourceFileOf(n.callFrame, mapPath);
      const found = FILE_CAUSES.find(([pattern]) => pattern.test(file));
      if (found) return found[1];
    } else if (url.endsWith(PROBE_URL)) {
      return 'bench probe';
    }
  }
  return undefined;
}

/** The profile samples of the thread `pid/tid`, with their time and duration. */
function samplesOf(events, pid, tid) {
  const ids = new Set(events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => e.id));
  const samples = [];
  for (const id of ids) {
    const start = events.find((e) => e.name === 'Profile' && e.id === id && e.pid === pid).args.data.startTime;
    const nodes = new Map();
    let t = start;
    for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === id && e.pid === pid)) {
      const { cpuProfile = {}, timeDeltas = [] } = chunk.args.data;
      for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, node);
      (cpuProfile.samples ?? []).forEach((nodeId, i) => {
        t += timeDeltas[i] ?? 0;
        samples.push({ t, node: nodes.get(nodeId), nodes });
      });
    }
  }
  return samples.sort((a, b) => a.t - b.t);
}

/**
 * Milliseconds per cause from navigationStart to the `startup:painted` mark of the page at
 * `url`, in wall time (`causes`) and in main-thread CPU time (`cpu`), plus the traced ready
 * and painted times. `mapPath`: the source map of another build than dist's (to compare two).
 */
export function splitTrace(events, url, { segments = false, mapPath } = {}) {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url && e.args.data.isLoadingMainFrame);
  if (!nav) throw new Error(`startup split: no navigationStart for ${url} in the trace`);
  const { pid, tid, ts: t0 } = nav;
  const mark = (name) => events.find((e) => e.pid === pid && e.name === `startup:${name}`)?.ts;
  const end = mark('painted');
  if (end === undefined) throw new Error('startup split: no startup:painted mark in the trace');
  const dcl = events.find((e) => e.pid === pid && e.name === 'domContentLoadedEventStart' && e.ts >= t0)?.ts ?? Infinity;
  const slices = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts <= end && e.ts + (e.dur ?? 0) >= t0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const firstHtml = slices.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url)?.ts ?? t0;
  const scriptStart = slices.find((e) => e.name === 'v8.compileModule' || e.name === 'v8.evaluateModule')?.ts ?? Infinity;
  const samples = samplesOf(events, pid, tid);

  const totals = Object.fromEntries(CAUSES.map((cause) => [cause, 0]));
  const cpu = Object.fromEntries(CAUSES.map((cause) => [cause, 0]));
  /** With `segments`: the causes in time order, as [cause, from ms, to ms, innermost event and sampled function, CPU ms]. */
  const timeline = [];
  const stack = [];
  let next = 0;
  let s = 0;
  for (let t = t0; t < end; t += STEP_US) {
    while (next < slices.length && slices[next].ts <= t) stack.push(slices[next++]);
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].ts + (stack[i].dur ?? 0) < t) stack.splice(i, 1);
    while (s + 1 < samples.length && samples[s + 1].t <= t) s++;
    const sample = samples[s] && samples[s].t <= t && t - samples[s].t < 2000 ? samples[s] : undefined;
    const name = sample?.node?.callFrame.functionName;
    let cause;
    const idle = name === '(idle)' || (!sample && stack.length === 0);
    if (stack.some((e) => e.name === 'CpuProfiler::StartProfiling')) {
      // The profiler starting in the new page: the bench's, not the page's.
      cause = 'tracing overhead';
    } else if (idle) {
      cause = t < firstHtml ? 'navigation, HTML parse' : t >= scriptStart || t >= dcl ? 'idle (frame, timers)' : 'script fetch/wait';
    } else {
      // Native work named by its event wins (a forced layout inside a script is layout).
      for (let i = stack.length - 1; i >= 0 && !cause; i--) cause = eventCause(stack[i].name);
      if (!cause && sample && name !== '(program)' && name !== '(root)') cause = stackCause(sample.node, sample.nodes, mapPath);
      if (name === '(garbage collector)') cause ??= 'other';
      for (let i = stack.length - 1; i >= 0 && !cause; i--) cause = structuralCause(stack[i].name);
      cause ??= t < firstHtml ? 'navigation, HTML parse' : 'other';
    }
    totals[cause] += STEP_US / 1000;
    // CPU time: the step scaled by how much of its wall time the innermost event spent on the
    // CPU (its thread duration over its duration). On a loaded machine the thread waits for a
    // core most of the time; this part of the split does not.
    const timed = stack.findLast((e) => e.dur > 0 && e.tdur !== undefined);
    const onCpu = timed ? (STEP_US / 1000) * Math.min(1, timed.tdur / timed.dur) : 0;
    cpu[cause] += onCpu;
    if (segments) {
      const at = (t - t0) / 1000;
      const what = `${stack.at(-1)?.name ?? ''} ${name ?? ''}`;
      const last = timeline.at(-1);
      if (last?.[0] === cause && last[3] === what) {
        last[2] = at + STEP_US / 1000;
        last[4] += onCpu;
      } else timeline.push([cause, at, at + STEP_US / 1000, what, onCpu]);
    }
  }
  const round = (v) => Math.round(v * 10) / 10;
  return {
    readyMs: round(((mark('ready') ?? NaN) - t0) / 1000),
    paintedMs: round((end - t0) / 1000),
    causes: Object.fromEntries(Object.entries(totals).map(([cause, value]) => [cause, round(value)])),
    cpu: Object.fromEntries(Object.entries(cpu).map(([cause, value]) => [cause, round(value)])),
    ...(segments ? { timeline } : {}),
  };
}

/**
 * Main-thread CPU time of the page at `url` between two of its own times (ms since
 * navigationStart): each task's thread time, in proportion to how much of it falls inside.
 */
export function cpuBetween(events, url, fromMs, toMs) {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url && e.args.data.isLoadingMainFrame);
  if (!nav) throw new Error(`startup split: no navigationStart for ${url} in the trace`);
  const from = nav.ts + fromMs * 1000;
  const to = nav.ts + toMs * 1000;
  let cpu = 0;
  for (const e of events) {
    if (
      e.pid !== nav.pid ||
      e.tid !== nav.tid ||
      e.ph !== 'X' ||
      e.name !== 'ThreadControllerImpl::RunTask' ||
      !e.dur ||
      e.tdur === undefined
    )
      continue;
    const overlap = Math.min(e.ts + e.dur, to) - Math.max(e.ts, from);
    if (overlap > 0) cpu += (e.tdur * overlap) / e.dur;
  }
  return Math.round(cpu / 100) / 10;
}
