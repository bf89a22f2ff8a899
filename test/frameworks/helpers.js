// @ts-check
// Shared steps of the framework example tests (test/frameworks/*.test.js): install and build an
// example under demo/<framework>/ with its own lock file, serve it next to the emulator, and walk
// through sign-in, library and sign-out in headless Chromium; for the Vite examples, also
// `npm run dev` as a new user runs it (its own dev server, which starts the emulator itself).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_FLAGS } from '../../scripts/chromium.js';
import { serveExample } from '../../scripts/serve-example.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = join(ROOT, 'test-results', 'frameworks');
const STEP_TIMEOUT = 20_000;

/** @param {string} name @returns {string} */
export const exampleDir = (name) => join(ROOT, 'demo', name);

/**
 * `npm ci` in the example unless its node_modules is already newer than its lock file.
 * (The examples' dependencies stay out of the package's own install.)
 * @param {string} dir
 */
export function installExample(dir) {
  const installed = join(dir, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(dir, 'package-lock.json')).mtimeMs) return 'up to date';
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  return 'installed';
}

/** `npm run build` in the example (it imports the top-level dist/: build that first). @param {string} dir */
export function buildExample(dir) {
  assert.ok(existsSync(join(ROOT, 'dist', 'index.js')), 'dist/index.js is missing: run `npm run build` at the top level first');
  run('npm', ['run', 'build', '--silent'], dir);
}

/** @param {string} command @param {string[]} args @param {string} cwd */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Serves `root` (the example's build output) against a fresh emulator whose popup allows at once,
 * and opens it in a fresh headless Chromium.
 * @param {string} root
 */
export async function openExample(root) {
  const served = await serveExample({ root, authorizeQuery: { outcome: 'authorize' } });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.setDefaultTimeout(STEP_TIMEOUT);
  /** @type {Error[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`[browser console] ${message.text()}`);
  });
  await page.goto(served.url);
  return {
    page,
    errors,
    /** @param {string} name */
    async screenshot(name) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }).catch(() => {});
    },
    async close() {
      await browser.close();
      await served.close();
    },
  };
}

/** A free TCP port on localhost. @returns {Promise<number>} */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, 'localhost', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/**
 * `npm run dev` in the example, as a user starts it (no AM_DEVELOPER_TOKEN: the example's
 * vite.config.ts starts the emulator and answers /config.json), on a free port; resolves once
 * /config.json answers. `stop()` ends npm, Vite and the emulator (one process group).
 * @param {string} dir
 */
export async function startDevServer(dir) {
  const port = await freePort();
  const env = { ...process.env };
  delete env.AM_DEVELOPER_TOKEN;
  const child = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--strictPort', '--host', 'localhost'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://localhost:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited (${child.exitCode}) in ${dir}:\n${output}`);
    const config = await fetch(new URL('/config.json', url)).catch(() => undefined);
    if (config?.ok) return { url, config: await config.json(), output: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`npm run dev did not answer /config.json within a minute in ${dir}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The example's own dev server (`npm run dev`) answers a page that renders, signs in through the
 * consent screen of the emulator the dev server started, and shows the library.
 * @param {(name: string, fn: () => unknown) => Promise<unknown>} step
 * @param {string} name
 */
async function devServerSteps(step, name) {
  const dir = exampleDir(name);
  /** @type {Awaited<ReturnType<typeof startDevServer>> | undefined} */
  let dev;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  try {
    await step('`npm run dev` starts Vite and the emulator, and answers /config.json and /developer-token', async () => {
      dev = await startDevServer(dir);
      assert.match(dev.config.authorizeUrl, /^http:\/\/127\.0\.0\.1:\d+\/woa$/, 'the emulator started by vite.config.ts');
      const { token } = await (await fetch(new URL(dev.config.developerTokenUrl, dev.url))).json();
      assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    });
    await step('the dev page renders, signs in through the consent screen and shows the library', async () => {
      assert.ok(dev);
      browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT);
      /** @type {Error[]} */
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(dev.url);
      const status = page.getByTestId('status');
      await status.filter({ hasText: 'Signed out' }).waitFor();
      await page.waitForFunction(() => !document.querySelector('#connect')?.shadowRoot?.querySelector('button')?.disabled);
      const popupOpened = context.waitForEvent('page');
      await page.locator('#connect').getByRole('button').click();
      const popup = await popupOpened;
      assert.ok(popup.url().startsWith(`${dev.config.authorizeUrl}?`), popup.url());
      const closed = popup.waitForEvent('close');
      await popup.getByRole('button', { name: 'Allow', exact: true }).click();
      await closed;
      await status.filter({ hasText: 'Signed in' }).waitFor();
      await page.locator('am-library-list [part~="item"]').first().waitFor();
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${name}-dev-server.png`), fullPage: true });
      assert.deepEqual(errors.map(String), [], 'no uncaught errors in the dev page');
    });
  } finally {
    await browser?.close();
    await dev?.stop();
  }
}

/**
 * Runs `t`'s subtests one after the other; once one fails, the rest are skipped rather than each
 * waiting for its own timeout.
 * @param {import('node:test').TestContext} t
 */
export function steps(t) {
  let failed = false;
  /** @param {string} name @param {() => unknown} fn */
  const step = (name, fn) =>
    t.test(name, { skip: failed ? 'an earlier step failed' : false }, async () => {
      try {
        await fn();
      } catch (error) {
        failed = true;
        throw error;
      }
    });
  return Object.assign(step, { failed: () => failed });
}

/**
 * Everything an example's test does: install and build it, serve it, check how the framework
 * bound the elements (`checkBindings`, in the page), then the walk every example must pass: the
 * framework renders "Signed out"; a click on the authorize button signs in through the
 * emulator's popup and the framework's own state says "Signed in" (from the `am-authorize`
 * event); the library list shows rows and the framework counts them (from `am-library-load`) and
 * hears a selection (`am-library-select`); the unauthorize button signs out and the framework
 * says "Signed out" again (from `am-unauthorize`).
 * With `devServer`, then the example's own `npm run dev` (see devServerSteps).
 * @param {import('node:test').TestContext} t
 * @param {{name: string, build: string, output: string, devServer?: boolean, bindings: {title: string, expected: unknown, read: () => unknown}}} options
 *   `output`: the build's folder relative to the example; `bindings.read` runs in the page
 */
export async function testExample(t, { name, build, output, devServer = false, bindings }) {
  const dir = exampleDir(name);
  const step = steps(t);
  let built = false;
  await step(build, () => {
    installExample(dir);
    buildExample(dir);
    built = true;
  });
  if (!built) return;
  const example = await openExample(join(dir, output));
  const { page } = example;
  const status = page.getByTestId('status');
  try {
    await step(bindings.title, async () => {
      await status.waitFor();
      assert.deepEqual(await page.evaluate(bindings.read), bindings.expected);
    });

    await step('renders signed out, with the buttons connected to the provider', async () => {
      await status.filter({ hasText: 'Signed out' }).waitFor();
      await page.waitForFunction(() => {
        const button = document.querySelector('#connect')?.shadowRoot?.querySelector('button');
        return !!button && !button.disabled;
      });
    });

    await step('a click on <am-authorize-button> signs in; the framework state updates from am-authorize', async () => {
      await page.locator('#connect').getByRole('button').click();
      await status.filter({ hasText: 'Signed in' }).waitFor();
      assert.match(await status.innerText(), /Signed in · storefront us/);
      assert.equal(await page.locator('am-auth-provider').getAttribute('status'), 'authorized');
    });

    await step('<am-library-list> shows library rows; the framework hears am-library-load and am-library-select', async () => {
      const rows = page.locator('am-library-list [part~="item"]');
      await rows.first().waitFor();
      assert.ok((await rows.count()) > 0);
      await page
        .getByTestId('loaded')
        .filter({ hasText: /^[1-9]\d* albums loaded/ })
        .waitFor();
      await rows.first().click();
      await page.getByTestId('loaded').filter({ hasText: 'selected:' }).waitFor();
      await example.screenshot(`${name}-signed-in`);
    });

    await step('a click on <am-unauthorize-button> signs out; the framework state updates from am-unauthorize', async () => {
      await page.locator('#disconnect').getByRole('button').click();
      await status.filter({ hasText: 'Signed out' }).waitFor();
      assert.equal(await page.locator('am-auth-provider').getAttribute('status'), 'not-determined');
      await page.waitForFunction(() => !document.querySelector('am-library-list')?.shadowRoot?.querySelector('[part~="item"]'));
    });

    await step('no uncaught errors in the page', () => assert.deepEqual(example.errors.map(String), []));
  } finally {
    if (step.failed()) await example.screenshot(`${name}-failure`);
    await example.close();
  }
  if (devServer) await devServerSteps(step, name);
}
