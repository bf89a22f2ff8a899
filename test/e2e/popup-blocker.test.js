// A real popup blocker (issue 5's gap): Playwright launches Chromium with
// --disable-popup-blocking by default. Here Chromium runs with its blocker on, against the
// emulator, on the demo server (the browser tests run all three engines with their blockers
// on; test/hardening/popup-blocker.test.ts is this test's counterpart there):
//   - a page that calls authorize() on load (no user gesture) gets `popup-blocked`, once, and
//     nothing opens;
//   - a real click on the Connect button opens Apple's popup (window.open runs in the click's
//     task) and signs in.
//
//   node --test test/e2e/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startDemo } from '../../scripts/start.js';
import { findChromium, CHROMIUM_FLAGS } from '../../scripts/chromium.js';

const TIMEOUT = 60_000;
const PAGE = '/popup-blocker-test.html';

// Calls authorize() without a user activation, so the popup must be blocked. Playwright's
// evaluate() would grant one, so the page itself calls and reports through window.__result.
const HTML = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>popup blocker</title>
<am-auth-provider developer-token-url="/demo/developer-token">
  <am-authorize-button id="connect"></am-authorize-button>
</am-auth-provider>
<script type="module">
  const provider = document.querySelector('am-auth-provider');
  const config = await (await fetch('/demo/config.json')).json();
  for (const [name, value] of Object.entries(config.provider ?? {})) provider.setAttribute(name, String(value));
  await import('/src/index.ts');
  const errors = [];
  provider.addEventListener('am-error', (event) => errors.push(event.detail.code));
  // Playwright's own set-up of a page can leave a transient activation (it lasts 5 s):
  // wait until there is none, so the call below really has no gesture behind it.
  while (navigator.userActivation.isActive) await new Promise((resolve) => setTimeout(resolve, 100));
  const hadActivation = navigator.userActivation.isActive;
  const code = await provider.authorize().then(() => 'signed-in', (error) => error.code);
  // The blocker is really on: a plain window.open without a gesture is refused too.
  const control = window.open('about:blank', 'control');
  window.__result = { hadActivation, code, errors, status: provider.status, controlBlocked: control === null };
</script>
</html>`;

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  demo = await startDemo({ port: 0, emulatorPort: 0, size: 50, quiet: true });
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: CHROMIUM_FLAGS,
    headless: true,
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  });
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

test(
  'a real popup blocker: authorize() without a gesture is blocked and reported; a click opens the popup [chromium only: Playwright routing needs CDP; test/hardening/popup-blocker.test.ts checks the same in all three engines]',
  { timeout: TIMEOUT },
  async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.route(`${demo.origin}${PAGE}`, (route) => route.fulfill({ contentType: 'text/html', body: HTML }));
    await page.goto(`${demo.origin}${PAGE}`);

    const result = await (await page.waitForFunction(() => window.__result)).jsonValue();
    assert.equal(result.hadActivation, false, 'no user activation when authorize() was called');
    assert.equal(result.controlBlocked, true, 'Chromium’s popup blocker is on');
    assert.equal(result.code, 'popup-blocked');
    assert.deepEqual(result.errors, ['popup-blocked'], 'exactly one am-error');
    assert.equal(result.status, 'not-determined');
    assert.equal(context.pages().length, 1, 'no popup opened');

    // A real click is a user gesture: the popup opens and the sign-in completes.
    const popupOpened = context.waitForEvent('page');
    await page.locator('#connect').getByRole('button', { name: 'Connect Apple Music' }).click();
    const popup = await popupOpened;
    assert.ok(popup.url().startsWith(`${demo.emulatorOrigin}/woa?`), `the popup goes to the emulator, got ${popup.url()}`);
    const allow = popup.getByRole('button', { name: 'Allow', exact: true });
    await allow.waitFor({ state: 'visible' });
    const closed = popup.waitForEvent('close');
    await allow.click();
    await closed;
    await page.waitForFunction(() => document.querySelector('am-auth-provider').status === 'authorized');

    assert.deepEqual(pageErrors.map(String), [], 'no uncaught errors on the page');
    await context.close();
  },
);
