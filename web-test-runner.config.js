import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { findChromium, CHROMIUM_FLAGS } from './scripts/chromium.js';
import { audioServer, findFirefox, selectedEngines, startWebKitDriver, webKitCapabilities } from './scripts/engines.js';
import { startEmulator } from './cli/emulator/index.js';
import { testRoutes } from './test/support/server-routes.js';
import { focusWindowPlugin, pressKeysPlugin } from './test/support/commands.js';
import { reporters } from './scripts/engine-times-reporter.js';

/**
 * The emulator runs on 127.0.0.1 while tests are served from localhost, so the authorize
 * popup really is a second origin. Tests get its origin with
 * `executeServerCommand('emulator-origin')`. Each engine gets its own emulator, so engines
 * running side by side never see each other's resets, faults or request logs.
 */
function emulatorPlugin() {
  const emulators = new Map();
  return {
    name: 'am-emulator',
    async serverStop() {
      await Promise.all([...emulators.values()].map(async (started) => (await started).close()));
    },
    async executeCommand({ command, session }) {
      if (command !== 'emulator-origin') return undefined;
      const engine = session.browser.name;
      if (!emulators.has(engine)) emulators.set(engine, startEmulator({ port: 0, size: 300, seed: 1, quiet: true }));
      return (await emulators.get(engine)).origin;
    },
  };
}

/** MiniBrowser over WebDriver, reported as "WebKit" (the generic launcher names it after the capabilities). */
class WebKitLauncher extends WebdriverLauncher {
  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
  }
}

/** Starts Xvfb and WebKitWebDriver for the WebKit launcher, and stops them at the end. */
function webKitDriverPlugin(launcher) {
  let driver;
  return {
    name: 'am-webkit-driver',
    async serverStart() {
      driver = await startWebKitDriver();
      launcher.options.port = driver.port;
    },
    async serverStop() {
      await driver?.close();
    },
  };
}

const engines = selectedEngines();
const browsers = [];
const plugins = [
  esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  emulatorPlugin(),
  pressKeysPlugin(),
  focusWindowPlugin(),
];

// Firefox and WebKit run with their popup blockers on, as users have them: window.open needs a
// click, and every test opens its popups from one. Chromium keeps puppeteer's default (blocker
// off): with headless Chromium's blocker on, a click() run inside a real click's handler never
// returns (the page stops answering), which Firefox and WebKit do not do. Chromium's blocker is
// checked end to end instead (test/e2e/popup-blocker.test.js and the demo test run with it on).
if (engines.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      puppeteer,
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS },
    }),
  );
}
if (engines.includes('firefox')) {
  const audio = audioServer();
  plugins.push({ name: 'am-firefox-audio', serverStart: () => audio.start(), serverStop: () => audio.stop() });
  browsers.push(
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: findFirefox(),
        headless: true,
        extraPrefsFirefox: { 'dom.disable_open_during_load': true },
        env: { ...process.env, PULSE_SERVER: audio.server },
      },
    }),
  );
}
if (engines.includes('webkit')) {
  const webkit = new WebKitLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port: 0, // set once the driver has started
    // The runner needs no load event (its page reports over a socket), and it navigates without
    // awaiting: a page load WebKit never finished once crashed the whole run (an unhandled
    // "url" timeout after 120 s) instead of failing one file.
    capabilities: { ...webKitCapabilities(), pageLoadStrategy: 'none' },
  });
  browsers.push(webkit);
  plugins.push(webKitDriverPlugin(webkit));
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['production'] },
  hostname: 'localhost',
  concurrency: 1,
  // One engine after another: side by side on a 2-core machine the whole run took about 320 s
  // instead of about 500 s, but CPU starvation then made timing-sensitive tests (popups, audio,
  // window focus) fail in one engine or another in every full run. AM_CONCURRENT_BROWSERS=3
  // runs them side by side on a machine with cores to spare.
  concurrentBrowsers: Number(process.env.AM_CONCURRENT_BROWSERS) || 1,
  middleware: [testRoutes],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  // Firefox can take half a minute to start on a busy 2-core machine.
  browserStartTimeout: 120000,
  plugins,
  browsers,
  reporters: reporters(),
};
