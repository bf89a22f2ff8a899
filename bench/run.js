#!/usr/bin/env node
// `npm run bench`: how small and how fast am-elements is, measured, with the spread.
//
//   size      dist/am-elements.js, and what a bundler user pays for provider + authorize button
//             and for everything (bench/size.js); what each module costs (bench/savings.js)
//   startup   navigation → ready to sign in above a blank page, 1× and 4× CPU, paired and
//             interleaved, split by cause from traces; signed in: data → painted rows, list
//             renders (bench/startup.js)
//   signin    click → window.open (same task?), thirdPartyInfo round trip, authorize →
//             am-authorize, renders per element (bench/signin.js)
//   library   <am-library-list type="songs"> at 100, 1,000 and 10,000 songs, 0 and 100 ms API
//             latency: requests, first rows, full list, DOM, heap, scroll frames, layouts per
//             frame (bench/library.js); the same for <am-library-list parent> on a 5,000-track
//             playlist (in a 10,000-song library, so its tracks are distinct)
//   baseline  the same libraries loaded MusicKit-style (Apple's default 25 per page) vs ours
//             (100 per page), with the measured ratio (bench/baseline.js)
//   playback  click → playing and click → audible, previews and full length (MusicKit
//             stand-in), 0 and 100 ms API latency (bench/playback.js)
//   reflow    one traced pass: forced layouts during the scroll and where they come from
//             (bench/reflow.js)
//
// Options: --runs=N (default 3; sign-in runs max(N, 10) times, startup max(N, 10) pairs and
// max(N/2, 3) traced pairs per CPU rate), --only=size,startup,signin,…,
// --songs=100,1000,10000. Prints the tables and writes bench/results/latest.json.
// Needs `npm run build` first (the npm script does it) and Chromium (scripts/chromium.js).
// Times are only as quiet as the machine: the load average is printed before and after.
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { measureSizes, root, SHIPPED } from './size.js';
import { moduleCosts, findings } from './savings.js';
import { summarizeRuns, summarize } from './stats.js';
import { startHarness } from './harness.js';
import { signInPage, signInRun, LATENCIES as SIGN_IN_LATENCIES } from './signin.js';
import { listPage, libraryRun, SIZES, LATENCIES, LONG_PLAYLIST_TRACKS } from './library.js';
import { fetchPage, baselineRun, METHODS } from './baseline.js';
import { reflowPass } from './reflow.js';
import { playbackPage, playbackRun, LATENCIES as PLAYBACK_LATENCIES, MODES as PLAYBACK_MODES } from './playback.js';
import { startupBench } from './startup.js';
import { sizeSection, signInSection, librarySection, baselineSection, playbackSection, reflowSection, startupSection } from './table.js';

const SECTIONS = ['size', 'startup', 'signin', 'library', 'baseline', 'playback', 'reflow'];

function options(argv) {
  const arg = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const runs = Number(arg('runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const only = arg('only')?.split(',') ?? SECTIONS;
  const unknown = only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) throw new Error(`unknown section(s): ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  const songs = arg('songs')?.split(',').map(Number) ?? SIZES;
  return { runs, only: new Set(only), songs };
}

const load = () => loadavg().map((value) => Math.round(value * 100) / 100);
const progress = (message) => process.stderr.write(`  … ${message}\n`);

async function sizeBench() {
  const sizes = await measureSizes({ references: true });
  const costs = {};
  for (const key of Object.keys(sizes.entries)) costs[key] = await moduleCosts(key);
  const budgets = JSON.parse(await readFile(`${root}size-budgets.json`, 'utf8')).budgets;
  return { sizes, costs, findings: findings(await readFile(`${root}${SHIPPED}`)), budgets };
}

async function signInBench(harness, runs) {
  harness.useLibrary(100);
  harness.pages.page('/signin', signInPage(harness.emulator.origin));
  const url = `${harness.pages.origin}/signin`;
  await signInRun(harness, url, { latency: 0 }); // warm-up, not reported
  const results = SIGN_IN_LATENCIES.map((latencyMs) => ({ latencyMs, runs: [] }));
  for (let run = 0; run < runs; run++) {
    for (const cell of results) cell.runs.push(await signInRun(harness, url, { latency: cell.latencyMs }));
    progress(`sign-in run ${run + 1}/${runs}`);
  }
  return results.map((cell) => ({ ...cell, summary: summarizeRuns(cell.runs) }));
}

/** Library and baseline, interleaved run by run so machine noise spreads over all cells. */
async function libraryBench(harness, { runs, songs, library, baseline }) {
  harness.pages.page('/list', listPage(harness.emulator.origin));
  harness.pages.page('/fetch', fetchPage(harness.emulator.origin));
  const listUrl = `${harness.pages.origin}/list`;
  const fetchUrl = `${harness.pages.origin}/fetch`;
  const cells = songs.flatMap((count) => LATENCIES.map((latencyMs) => ({ songs: count, latencyMs, library: [], baseline: [] })));
  harness.useLibrary(songs[0]);
  await libraryRun(harness, listUrl, { songs: songs[0], latency: 0, warmUp: true });
  for (let run = 0; run < runs; run++) {
    for (const cell of cells) {
      const { songs: count } = harness.useLibrary(cell.songs);
      if (count !== cell.songs) throw new Error(`library has ${count} songs, wanted ${cell.songs}`);
      if (library)
        cell.library.push({
          latencyMs: cell.latencyMs,
          ...(await libraryRun(harness, listUrl, { songs: count, latency: cell.latencyMs })),
        });
      if (baseline) {
        // Rotate the order of the three methods from run to run.
        const order = METHODS.map((_, i) => METHODS[(i + run) % METHODS.length]);
        const result = await baselineRun(harness, fetchUrl, { latency: cell.latencyMs, songs: count, order });
        result.ratio = {
          time: result.musickit25.timeMs / result.ours100.timeMs,
          requests: result.musickit25.requests / result.ours100.requests,
        };
        cell.baseline.push(result);
      }
      progress(`run ${run + 1}/${runs}: ${cell.songs} songs, ${cell.latencyMs} ms done`);
    }
  }
  const out = {};
  if (library)
    out.library = cells.map((c) => ({ songs: c.songs, latencyMs: c.latencyMs, runs: c.library, summary: summarizeRuns(c.library) }));
  if (library) out.playlist = await playlistBench(harness, runs);
  if (baseline) {
    out.baseline = cells.map((c) => {
      const summary = summarizeRuns(c.baseline);
      summary.ratio = {
        time: summarize(
          c.baseline.map((r) => r.ratio.time),
          2,
        ),
        requests: summarize(
          c.baseline.map((r) => r.ratio.requests),
          2,
        ),
      };
      return { songs: c.songs, latencyMs: c.latencyMs, runs: c.baseline, summary };
    });
  }
  return out;
}

/** Playback cells interleaved run by run; the first run of each is a warm-up (not reported). */
async function playbackBench(harness, runs) {
  harness.useLibrary(100);
  harness.pages.page('/play', playbackPage(harness.emulator.origin));
  const url = `${harness.pages.origin}/play`;
  const cells = PLAYBACK_MODES.flatMap((mode) => PLAYBACK_LATENCIES.map((latencyMs) => ({ mode, latencyMs, runs: [] })));
  for (const cell of cells) await playbackRun(harness, url, { mode: cell.mode, latency: cell.latencyMs });
  for (let run = 0; run < runs; run++) {
    for (const cell of cells) cell.runs.push(await playbackRun(harness, url, { mode: cell.mode, latency: cell.latencyMs }));
    progress(`playback run ${run + 1}/${runs}`);
  }
  return cells.map((cell) => ({ ...cell, summary: summarizeRuns(cell.runs) }));
}

/** <am-library-list parent="p.…"> on the 5,000-track playlist, at each latency. */
async function playlistBench(harness, runs) {
  const { firstPlaylist } = harness.useLibrary(10_000);
  harness.pages.page('/playlist', listPage(harness.emulator.origin, `parent="${firstPlaylist}" aria-label="Playlist"`));
  const url = `${harness.pages.origin}/playlist`;
  const cells = LATENCIES.map((latencyMs) => ({ songs: LONG_PLAYLIST_TRACKS, latencyMs, runs: [] }));
  for (let run = 0; run < runs; run++) {
    for (const cell of cells) {
      cell.runs.push({
        latencyMs: cell.latencyMs,
        ...(await libraryRun(harness, url, { songs: LONG_PLAYLIST_TRACKS, latency: cell.latencyMs })),
      });
      progress(`run ${run + 1}/${runs}: ${LONG_PLAYLIST_TRACKS}-track playlist, ${cell.latencyMs} ms done`);
    }
  }
  return cells.map((c) => ({ ...c, summary: summarizeRuns(c.runs) }));
}

async function main() {
  const { runs, only, songs } = options(process.argv.slice(2));
  const report = { date: new Date().toISOString(), runs, machine: { cpus: cpus().length, loadAverageStart: load() } };
  const printed = [];
  const print = (text) => {
    printed.push(text);
    console.log(`${text}\n`);
  };

  if (only.has('size')) {
    progress('sizes');
    report.size = await sizeBench();
    print(sizeSection(report.size));
  }
  const browserSections = ['startup', 'signin', 'library', 'baseline', 'playback', 'reflow'].filter((s) => only.has(s));
  if (browserSections.length) {
    const harness = await startHarness();
    report.chromium = harness.browser.version();
    console.log(
      `Chromium ${report.chromium}, headless, ${report.machine.cpus} CPUs, load average ${report.machine.loadAverageStart.join(' ')} at start\n`,
    );
    try {
      if (only.has('startup')) {
        report.startup = await startupBench(harness, {
          runs: Math.max(runs, 10),
          traced: Math.max(Math.ceil(runs / 2), 3),
          clicks: Math.max(runs, 5),
          progress,
        });
        print(startupSection(report.startup));
      }
      if (only.has('signin')) {
        report.signIn = await signInBench(harness, Math.max(runs, 10));
        print(signInSection(report.signIn));
      }
      if (only.has('library') || only.has('baseline')) {
        Object.assign(report, await libraryBench(harness, { runs, songs, library: only.has('library'), baseline: only.has('baseline') }));
        if (report.library) print(librarySection(report.library));
        if (report.playlist)
          print(
            librarySection(
              report.playlist,
              `<am-library-list parent> (the emulator's ${LONG_PLAYLIST_TRACKS.toLocaleString('en-US')}-track playlist)`,
              'tracks',
            ),
          );
        if (report.baseline) print(baselineSection(report.baseline, report.library));
      }
      if (only.has('playback')) {
        report.playback = await playbackBench(harness, Math.max(runs, 5));
        print(playbackSection(report.playback));
      }
      if (only.has('reflow')) {
        progress('traced scroll');
        report.reflow = await reflowPass(harness, { songs: Math.max(...songs) });
        print(reflowSection(report.reflow));
      }
    } finally {
      await harness.close();
    }
  }
  report.machine.loadAverageEnd = load();
  console.log(
    `Every timed cell: median (min–max) over the runs. Load average ${report.machine.loadAverageStart.join(' ')} → ${report.machine.loadAverageEnd.join(' ')} on ${report.machine.cpus} CPUs: other work on the machine shows up as long frames and slow runs.`,
  );
  await mkdir(`${root}bench/results`, { recursive: true });
  await writeFile(`${root}bench/results/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(`${root}bench/results/latest.txt`, `${printed.join('\n\n')}\n`);
  console.log('Wrote bench/results/latest.json (and the tables as latest.txt)');
}

main().catch((error) => {
  // Setup problems (no build, no Chromium) say what to do; anything else gets its stack.
  console.error(/Chromium was not found|npm run build/.test(error?.message) ? `\n${error.message}\n` : error);
  process.exit(1);
});
