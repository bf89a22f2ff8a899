// @ts-check
// Shared steps of the framework example tests (test/frameworks/*.test.js): install and build an
// example under demo/<framework>/ with its own lock file, serve it next to the emulator, and walk
// through sign-in, library and sign-out in headless Chromium.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
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
 * @param {import('node:test').TestContext} t
 * @param {{name: string, build: string, output: string, bindings: {title: string, expected: unknown, read: () => unknown}}} options
 *   `output`: the build's folder relative to the example; `bindings.read` runs in the page
 */
export async function testExample(t, { name, build, output, bindings }) {
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
}
