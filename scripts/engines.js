// The three engines the browser tests run in (Chromium, Firefox ESR, WebKitGTK's MiniBrowser),
// where Debian installs them, and how WebKit gets a display and a WebDriver server. Chromium is
// found by scripts/chromium.js; `missingAptPackages()` tells scripts/ensure-browsers.sh what to
// install, so the installer and the tests look for the browsers in the same places.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { findChromium } from './chromium.js';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The apt packages each engine needs; `scripts/ensure-browsers.sh` installs them. @type {Record<string, string[]>} */
export const APT_PACKAGES = {
  chromium: ['chromium'],
  // PulseAudio gives headless Firefox an audio output (a null sink that keeps real time).
  firefox: ['firefox-esr', 'pulseaudio'],
  webkit: ['webkit2gtk-driver', 'xvfb', 'xauth'],
};

/**
 * The engines named by `AM_BROWSERS` (comma- or space-separated; all three when unset).
 * @returns {string[]}
 */
export function selectedEngines(value = process.env.AM_BROWSERS) {
  if (!value?.trim()) return [...ENGINES];
  const names = value
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const unknown = names.filter((name) => !ENGINES.includes(name));
  if (unknown.length) throw new Error(`Unknown browser ${unknown.join(', ')}: choose from ${ENGINES.join(', ')}.`);
  return ENGINES.filter((name) => names.includes(name));
}

/** @param {(string | undefined)[]} paths */
const firstExisting = (paths) => paths.find((path) => path && existsSync(path));

/** @returns {string} */
export function findFirefox() {
  const found = firstExisting([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']);
  if (!found) throw new Error('Firefox was not found. Install it with `sudo apt-get install -y firefox-esr` (or set FIREFOX_PATH).');
  return found;
}

/** MiniBrowser sits in an architecture- and API-versioned directory, e.g. x86_64-linux-gnu/webkit2gtk-4.1. */
function findMiniBrowser() {
  if (process.env.MINIBROWSER_PATH) return firstExisting([process.env.MINIBROWSER_PATH]);
  const candidates = [];
  for (const arch of safeReaddir('/usr/lib')) {
    for (const api of safeReaddir(`/usr/lib/${arch}`).filter((name) => name.startsWith('webkit2gtk-'))) {
      candidates.push(`/usr/lib/${arch}/${api}/MiniBrowser`);
    }
  }
  return firstExisting(candidates.sort().reverse());
}

/** @param {string} path */
function safeReaddir(path) {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/Xvfb';
const PULSEAUDIO = '/usr/bin/pulseaudio';

/** @returns {{ driver: string, miniBrowser: string, xvfb: string }} */
export function findWebKit() {
  const driver = firstExisting([WEBKIT_DRIVER]);
  const miniBrowser = findMiniBrowser();
  const xvfb = firstExisting([XVFB]);
  if (!driver || !miniBrowser || !xvfb) {
    throw new Error(
      'WebKit was not found. Install it with `sudo apt-get install -y --no-install-recommends webkit2gtk-driver xvfb xauth`.',
    );
  }
  return { driver, miniBrowser, xvfb };
}

/** Throws a message saying what to install when one of `engines` is missing. */
export function checkEngines(engines = selectedEngines()) {
  /** @type {Record<string, () => unknown>} */
  const find = { chromium: findChromium, firefox: findFirefox, webkit: findWebKit };
  for (const engine of engines) find[engine]();
}

/** @param {() => unknown} find */
const found = (find) => {
  try {
    find();
    return true;
  } catch {
    return false;
  }
};

/** @param {string} name */
const onPath = (name) => (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, name)));

/**
 * The apt packages of `engines` (all three by default) that are not installed, looked for where
 * the tests look for them.
 * @param {string[]} [engines]
 * @returns {string[]}
 */
export function missingAptPackages(engines = ENGINES) {
  /** @type {Record<string, () => boolean>} */
  const installed = {
    chromium: () => found(findChromium),
    'firefox-esr': () => found(findFirefox),
    pulseaudio: () => existsSync(PULSEAUDIO),
    'webkit2gtk-driver': () => existsSync(WEBKIT_DRIVER) && Boolean(findMiniBrowser()),
    xvfb: () => existsSync(XVFB),
    xauth: () => onPath('xauth'),
  };
  return engines.flatMap((engine) => APT_PACKAGES[engine]).filter((name) => !installed[name]());
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Resolves once `child` has exited (at once if it already has).
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts Xvfb on a free display (Xvfb picks it and writes its number to fd 3).
 * @param {string} binary
 */
async function startXvfb(binary) {
  const child = spawn(binary, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  // Both are pipes (`stdio` above).
  /** @type {import('node:stream').Readable} */ (child.stderr).on('data', (chunk) => (stderr += chunk));
  /** @type {string} */
  const display = await new Promise((resolve, reject) => {
    let output = '';
    /** @type {import('node:stream').Readable} */ (child.stdio[3]).on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve(`:${output.trim()}`);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display:\n${stderr}`)));
  });
  return { display, child };
}

/**
 * Polls the driver's /status until it answers (it takes a moment to bind its port).
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 */
async function waitForDriver(url, child) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}) before answering`);
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url}`);
}

/**
 * Xvfb and WebKitWebDriver for MiniBrowser (it has no headless mode). `close()` stops both
 * and waits until they have exited, so no process outlives the test run.
 */
export async function startWebKitDriver() {
  const { driver, xvfb } = findWebKit();
  const x = await startXvfb(xvfb);
  const port = await freePort();
  const child = spawn(driver, [`--port=${port}`], {
    // MiniBrowser's processes log GStreamer and D-Bus notices here; failures reach WebDriver's answers.
    stdio: ['ignore', 'ignore', 'ignore'],
    env: { ...process.env, DISPLAY: x.display },
  });
  const close = async () => {
    child.kill('SIGTERM');
    await exited(child);
    x.child.kill('SIGTERM');
    await exited(x.child);
  };
  try {
    await waitForDriver(`http://127.0.0.1:${port}`, child);
  } catch (error) {
    await close();
    throw error;
  }
  return { port, display: x.display, close };
}

/**
 * WebDriver capabilities for MiniBrowser (classic WebDriver: it speaks no BiDi).
 * @param {string[]} [extraArgs]
 */
export function webKitCapabilities(extraArgs = []) {
  return {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: findWebKit().miniBrowser, args: ['--automation', ...extraArgs] },
    'wdio:enforceWebDriverClassic': true,
  };
}

/**
 * A private PulseAudio server with one null sink, for Firefox: without an audio output its
 * `<audio>` fails ("OnMediaSinkAudioError") where a user's would play. Point Firefox at
 * `server` (PULSE_SERVER) when launching it, then `start()` before it plays anything.
 */
export function audioServer() {
  const dir = mkdtempSync(join(tmpdir(), 'am-pulse-'));
  const socket = join(dir, 'native');
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  return {
    server: `unix:${socket}`,
    async start() {
      if (!existsSync(PULSEAUDIO)) {
        console.warn('pulseaudio is not installed: Firefox has no audio output (apt-get install -y --no-install-recommends pulseaudio).');
        return;
      }
      child = spawn(
        PULSEAUDIO,
        [
          '-n',
          '--daemonize=no',
          '--exit-idle-time=-1',
          '--disallow-exit',
          '--use-pid-file=no',
          '--log-target=stderr',
          '--log-level=error',
          '-L',
          `module-native-protocol-unix socket=${socket} auth-anonymous=1`,
          '-L',
          'module-null-sink sink_name=silence',
        ],
        { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, HOME: dir, PULSE_RUNTIME_PATH: dir, XDG_CONFIG_HOME: dir } },
      );
      for (let waited = 0; !existsSync(socket) && child.exitCode === null && waited < 10_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (!existsSync(socket)) console.warn('pulseaudio did not start: Firefox has no audio output.');
    },
    async stop() {
      if (child) {
        child.kill('SIGTERM');
        await exited(child);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
