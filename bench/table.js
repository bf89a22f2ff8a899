// The printed report: one small table per section, every timed number as
// "median (min–max)" over the runs.
import { fmt } from './stats.js';
import { kb } from './size.js';

/** Left-aligned first column, right-aligned others. */
export function grid(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell ?? '–')));
  const widths = all[0].map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)));
  const line = (row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(all[0]), ...all.slice(1).map(line)].join('\n');
}

const get = (object, path) => path.split('.').reduce((value, key) => value?.[key], object);

export function sizeSection({ sizes, costs, findings, budgets }) {
  const budget = (key) => budgets.find((b) => b.measure === key);
  // The regression guard CI enforces (scripts/check-size.js); issue 7's size targets are retired (bench/README.md, "Size budgets").
  const verdict = (gzip, { enforced } = {}) => {
    if (!enforced) return '';
    const spare = enforced - gzip;
    return spare >= 0 ? `guard ${kb(enforced)}: ${kb(spare)} to spare` : `guard ${kb(enforced)}: OVER by ${kb(-spare)}`;
  };
  const rows = [
    [
      'dist/am-elements.js (script tag, Lit inside)',
      kb(sizes.shipped.raw, 1),
      kb(sizes.shipped.gzip),
      verdict(sizes.shipped.gzip, budget('shipped')),
    ],
  ];
  for (const entry of Object.values(sizes.entries)) {
    rows.push([`${entry.label} (esbuild, Lit bundled)`, kb(entry.raw, 1), kb(entry.gzip), verdict(entry.gzip, budget(entry.key))]);
  }
  for (const ref of Object.values(sizes.references ?? {})) rows.push([`  floor: ${ref.label}`, kb(ref.raw, 1), kb(ref.gzip), '']);
  const sansList = sizes.entries['provider+authorize-button'];
  const lines = [
    'SIZE (minified, gzip -9; 1 KB = 1024 bytes)',
    grid(['', 'raw', 'gzip', ''], rows),
    `provider + authorize button includes list code: ${sansList.listCode.modules.length || sansList.listCode.tagInOutput ? `YES (${sansList.listCode.modules.join(', ')})` : 'no (no library-list module, no "am-library-list" in the output)'}`,
    `lit-html copies in dist/am-elements.js: ${sizes.shipped.litHtmlCopies}; duplicated packages in bundles: ${
      Object.values(sizes.entries)
        .flatMap((e) => e.duplicates)
        .map((d) => d.name)
        .join(', ') || 'none'
    }; Lit polyfill hooks: ${findings.polyfillHooks} (no polyfills); inline SVGs: ${findings.inlineSvgs.count} (${findings.inlineSvgs.bytes} bytes raw)`,
  ];
  for (const { imports } of Object.values(sizes.entries)) {
    for (const i of imports)
      if (!i.exported) lines.push(`WARN: "${i.specifier}" is not in package.json "exports" (measured from ${i.usedFile}).`);
  }
  for (const result of Object.values(costs)) {
    const label = sizes.entries[result.key].label;
    lines.push(`\nWhat costs in ${label} (${kb(result.gzip)} gzip): top 14, gzip bytes`);
    lines.push(
      grid(
        ['module', 'own gzip', 'raw', 'gzip incl. what only it pulls in'],
        result.costs.slice(0, 14).map((c) => [c.module, c.gzipOwn ?? '', c.raw, c.gzipWithDependents ?? '']),
      ),
    );
  }
  return lines.join('\n');
}

export function signInSection(signIn) {
  const columns = signIn.map((s) => `${s.latencyMs} ms API latency`);
  const row = (label, path) => [label, ...signIn.map((s) => fmt(get(s.summary, path)))];
  const renders = (phase) => {
    const names = [...new Set(signIn.flatMap((s) => Object.keys(s.summary.renders[phase] ?? {})))];
    return names.map((name) => [`  ${name}`, ...signIn.map((s) => fmt(s.summary.renders[phase]?.[name]))]);
  };
  return [
    `SIGN-IN (${signIn[0].runs.length} runs each; emulator popup answering Allow at once; ms)`,
    grid(
      ['', ...columns],
      [
        row('click → window.open', 'clickToOpen.ms'),
        row('  from the click event timestamp', 'clickToOpen.fromEventMs'),
        row('  window.open call itself (browser)', 'clickToOpen.openCallMs'),
        row('  same task as the click (runs)', 'clickToOpen.sameTask'),
        row('  user activation active (runs)', 'clickToOpen.userActivation'),
        row('thirdPartyInfo: popup request → our reply', 'thirdPartyInfo.roundTripMs'),
        row('  our handler', 'thirdPartyInfo.handlerMs'),
        row("  popup → us (two processes' clocks)", 'thirdPartyInfo.toUsMs'),
        row("  us → popup (two processes' clocks)", 'thirdPartyInfo.backMs'),
        row('  window.open → first request (popup load)', 'thirdPartyInfo.sinceOpenMs'),
        row('authorize → am-authorize', 'authorize.toEventMs'),
        row('  of which /v1/me/storefront', 'authorize.storefrontMs'),
        row('  before the fetch starts', 'authorize.beforeFetchMs'),
        row('  response → am-authorize', 'authorize.afterResponseMs'),
        row('  authorize acknowledged (popup round trip)', 'authorize.ackRoundTripMs'),
        row('click → am-authorize', 'clickToAuthorizeMs'),
        ['renders, click → am-authorize', ...columns.map(() => '')],
        ...renders('clickToAuthorize'),
        ['renders, am-authorize → list rows', ...columns.map(() => '')],
        ...renders('authorizeToFirstRows'),
      ],
    ),
    `Render causes after the click (changed properties → renders, run 1, 0 ms): ${Object.entries(signIn[0].runs[0].renders.causes)
      .map(
        ([element, causes]) =>
          `${element}: ${Object.entries(causes)
            .map(([cause, n]) => `${cause}×${n}`)
            .join(', ')}`,
      )
      .join('; ')}`,
  ].join('\n');
}

const LIBRARY_ROWS = [
  ['first rows: time (ms)', 'firstRows.timeMs'],
  ['first rows: API requests', 'firstRows.requests'],
  ['first rows: since request (ms)', 'firstRows.sinceRequestMs'],
  ['full list: time (ms)', 'fullList.timeMs'],
  ['full list: API requests', 'fullList.requests'],
  ['row elements in DOM', 'dom.rows'],
  ['max rows while scrolling', 'dom.maxRowsWhileScrolling'],
  ['shadow DOM nodes', 'dom.shadowNodes'],
  ['JS heap after page 1 (MB)', 'heapMB.afterFirstPage'],
  ['JS heap after all items (MB)', 'heapMB.afterAll'],
  ['fling scroll: frames', 'scroll.fling.frames'],
  ['fling frame p50 (ms)', 'scroll.fling.frameMs.p50'],
  ['fling frame p95 (ms)', 'scroll.fling.frameMs.p95'],
  ['fling frame max (ms)', 'scroll.fling.frameMs.max'],
  ['fling long tasks > 50 ms', 'scroll.fling.longTasks'],
  ['fling layouts / frame', 'scroll.fling.perFrame.layouts'],
  ['fling style recalcs / frame', 'scroll.fling.perFrame.styleRecalcs'],
  ['fling layout ms / frame', 'scroll.fling.perFrame.layoutMs'],
  ['browse scroll: frames', 'scroll.browse.frames'],
  ['browse frame p50 (ms)', 'scroll.browse.frameMs.p50'],
  ['browse frame p95 (ms)', 'scroll.browse.frameMs.p95'],
  ['browse frame max (ms)', 'scroll.browse.frameMs.max'],
  ['browse long tasks > 50 ms', 'scroll.browse.longTasks'],
  ['browse layouts / frame', 'scroll.browse.perFrame.layouts'],
  ['browse style recalcs / frame', 'scroll.browse.perFrame.styleRecalcs'],
];

export function librarySection(library, what = '<am-library-list type="songs">', unit = 'songs') {
  const latencies = [...new Set(library.map((l) => l.latencyMs))];
  return latencies
    .map((latency) => {
      const cells = library.filter((l) => l.latencyMs === latency);
      return [
        `LIBRARY ${what}, ${latency} ms API latency (${cells[0].runs.length} runs each)`,
        grid(
          [unit, ...cells.map((c) => c.songs.toLocaleString('en-US'))],
          LIBRARY_ROWS.map(([label, path]) => [label, ...cells.map((c) => fmt(get(c.summary, path)))]),
        ),
      ].join('\n');
    })
    .join('\n\n');
}

export function baselineSection(baseline, library) {
  const rows = [];
  for (const cell of baseline) {
    const element = library?.find((l) => l.songs === cell.songs && l.latencyMs === cell.latencyMs);
    rows.push([
      `${cell.songs.toLocaleString('en-US')} songs, ${cell.latencyMs} ms`,
      fmt(cell.summary.musickit25.requests),
      fmt(cell.summary.musickit25.timeMs),
      fmt(cell.summary.plain100.timeMs),
      fmt(cell.summary.ours100.requests),
      fmt(cell.summary.ours100.timeMs),
      element ? fmt(element.summary.fullList.timeMs) : '',
      fmt(cell.summary.ratio.time),
      fmt(cell.summary.ratio.requests),
    ]);
  }
  return [
    `BASELINE: every song, page after page (${baseline[0].runs.length} runs each; ms). MusicKit-style = no limit (Apple's default 25), following next`,
    grid(
      [
        '',
        'MK-25 req',
        'MK-25 time',
        'plain-100 time',
        'ours req',
        'ours time',
        'list (page load + drags)',
        'time ratio MK-25/ours',
        'request ratio',
      ],
      rows,
    ),
    "ours = provider.api.paginatePages(limit 100), the list's client; plain-100 = the MusicKit-style loop with limit=100; list = <am-library-list> full-list time from the library section (from navigation start). Ratios are per run (paired), then median (min–max).",
  ].join('\n');
}

export function reflowSection(reflow) {
  const rows = ['fling', 'browse'].map((name) => {
    const r = reflow[name];
    return [
      name,
      r.frames,
      r.perFrame.layouts,
      r.perFrame.forcedLayouts,
      r.perFrame.styleRecalcs,
      r.perFrame.forcedStyleRecalcs,
      r.perFrame.layoutMs,
    ];
  });
  const sites = [
    ...new Set(['fling', 'browse'].flatMap((name) => reflow[name].forcedSites.map((s) => `${s.count}× ${s.site} (${name}, ${s.ms} ms)`))),
  ];
  return [
    `LAYOUT during the scripted scrolls (one traced pass, ${reflow.songs.toLocaleString('en-US')} songs; tracing slows frames, so no times here but layout ms)`,
    grid(['scroll', 'frames', 'layouts/frame', 'forced', 'style recalcs/frame', 'forced', 'layout ms/frame'], rows),
    'Forced by script (call sites, via the source map):',
    ...sites.map((s) => `  ${s}`),
  ].join('\n');
}

export function playbackSection(playback) {
  const columns = playback.map((cell) => `${cell.mode}, ${cell.latencyMs} ms`);
  const row = (label, path) => [label, ...playback.map((cell) => fmt(get(cell.summary, path)))];
  return [
    `PLAYBACK (${playback[0].runs.length} runs each after a warm-up; a fresh page per run; full = MusicKit stand-in, loaded on hover; ms)`,
    grid(
      ['', ...columns],
      [row('click → am-playback-change playing', 'clickToPlayingMs'), row('click → audible (position > 0)', 'clickToAudibleMs')],
    ),
  ].join('\n');
}

export function startupSection(startup) {
  const { cells, signIn } = startup;
  const columns = cells.map((c) => `${c.throttle}× CPU`);
  const row = (label, path) => [label, ...cells.map((c) => fmt(get(c.summary, path)))];
  const causes = Object.keys(cells[0].summary.traced.split.cpu.ours ?? {});
  const splitRows = causes.map((cause) => [
    `  ${cause}`,
    ...cells.flatMap(({ summary: { traced } }) => [
      fmt(traced.split.cpu.aboveBlank[cause]),
      fmt(traced.split.cpu.ours[cause]),
      fmt(traced.split.cpu.blank[cause]),
      fmt(traced.split.wall.aboveBlank[cause]),
    ]),
  ]);
  return [
    `STARTUP: navigation → ready to sign in, README snippet vs a blank page of the same skeleton and vs that page with an empty module script (the floor) (${cells[0].pairs.length} paired runs per rate, interleaved; ms)`,
    grid(
      ['', ...columns],
      [
        row('ready above blank (paired)', 'aboveBlank.readyMs'),
        row('painted above blank (paired)', 'aboveBlank.paintedMs'),
        row('  floor: empty module script above blank', 'floorAboveBlank.readyMs'),
        row('  ours: ready above the floor', 'aboveFloor.readyMs'),
        row('  ours: painted above the floor', 'aboveFloor.paintedMs'),
        row('  ours: ready', 'ours.readyMs'),
        row('  ours: painted', 'ours.paintedMs'),
        row('    script response end', 'ours.phases.scriptArrivedMs'),
        row('    (its fetch)', 'ours.phases.scriptFetchMs'),
        row('    → first define (compile, top level)', 'ours.phases.toFirstDefineMs'),
        row('    → ready (define, upgrade, render)', 'ours.phases.defineToReadyMs'),
        row('    → painted (style, layout, paint)', 'ours.phases.readyToPaintedMs'),
        row('  blank: ready (DOMContentLoaded)', 'blank.readyMs'),
        row('  blank: painted', 'blank.paintedMs'),
        row('signed in: ready (status authorized)', 'signedIn.readyMs'),
        row('signed in: first page data → rows in DOM', 'signedIn.rows.dataToRowsMs'),
        row('signed in: first page data → rows painted', 'signedIn.rows.dataToPaintedMs'),
        row('  main-thread CPU in it (traced)', 'signedInDataToPaintedCpuMs'),
        row('signed in: first page round trip', 'signedIn.rows.roundTripMs'),
        row('signed in: list renders until rows', 'signedIn.rows.listRenders'),
        row('  of which after the data', 'signedIn.rows.listRendersAfterData'),
      ],
    ),
    `Split of navigation → painted by cause, from ${cells[0].tracedPairs.length} traced pairs per rate: main-thread CPU time (what the page made the CPU do, little moved by other work on the machine) and wall time above blank (moved by it); the profiler slows script, so compare causes, not totals with the untraced runs; ms, median (min–max)`,
    grid(
      ['cause', ...cells.flatMap((c) => [`${c.throttle}×: CPU above blank`, 'CPU ours', 'CPU blank', 'wall above blank'])],
      [
        ...splitRows,
        ["  page CPU above blank (all but the bench's)", ...cells.flatMap((c) => [fmt(c.summary.traced.cpuAboveBlankMs), '', '', ''])],
        ['  traced ready above blank', ...cells.flatMap((c) => ['', '', '', fmt(c.summary.traced.readyAboveBlankMs)])],
        ['  traced painted above blank', ...cells.flatMap((c) => ['', '', '', fmt(c.summary.traced.paintedAboveBlankMs)])],
      ],
    ),
    `Click sign-in (${signIn.runs.length} runs, 0 ms latency): <am-library-list> renders from am-authorize to its rows: ${fmt(signIn.listRendersAuthorizeToRows)}${
      signIn.causes
        ? ` (run 1, changed properties: ${Object.entries(signIn.causes)
            .map(([cause, n]) => `${cause}×${n}`)
            .join(', ')})`
        : ''
    }`,
  ].join('\n');
}
