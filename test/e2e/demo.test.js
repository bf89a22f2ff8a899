// End to end: the pieces `npm start` starts (emulator + demo server), driven like a new user
// would: connect, allow in the emulator's popup, see the library, disconnect — in Chromium,
// Firefox and WebKit (AM_BROWSERS picks some). Screenshots of every step go to test-results/e2e/.
// The theming page and Apple's-origins tests need Playwright's emulateMedia and request routing
// (CDP), so they run in Chromium; the demo test covers the same sign-in in the other two.
//
//   node --test test/e2e/        (or npm run test:e2e)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemo } from '../../scripts/start.js';
import { startEmulator } from '../../cli/emulator/index.js';
import { findChromium, CHROMIUM_FLAGS } from '../../scripts/chromium.js';
import { click, launch, selectedEngines, textAt, waitFor } from './engines.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));
const shot = (name) => `${SHOTS}${name}`;
const TIMEOUT = 60_000;

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  demo = await startDemo({ port: 0, emulatorPort: 0, size: 1200, quiet: true });
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

/** A fresh context (empty storage) and page that records uncaught page errors. */
async function openPage(path, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`[browser console] ${message.text()}`);
  });
  await page.goto(new URL(path, demo.origin).href);
  return { context, page, errors };
}

/** A full-page screenshot from the top (the sticky header stays where it belongs). */
async function snap(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot(name), fullPage: true, animations: 'disabled' });
}

/** Resolves once `element`'s shadow button is enabled, i.e. it found the provider. */
function waitForReadyButton(page, selector) {
  return page.waitForFunction((s) => {
    const button = document.querySelector(s)?.shadowRoot?.querySelector('button');
    return button && !button.disabled;
  }, selector);
}

/**
 * Clicks `button` (a Connect button), completes the emulator's consent screen with Allow and
 * waits for the popup to close itself. `onConsent` runs while the consent screen is showing.
 */
async function signInThroughPopup(context, button, { authorizeUrl = `${demo.emulatorOrigin}/woa`, onConsent } = {}) {
  const popupOpened = context.waitForEvent('page');
  await button.click();
  const popup = await popupOpened;
  assert.ok(popup.url().startsWith(`${authorizeUrl}?`), `the popup goes to ${authorizeUrl}, got ${popup.url()}`);
  const allow = popup.getByRole('button', { name: 'Allow', exact: true });
  await allow.waitFor({ state: 'visible' });
  await onConsent?.(popup);
  const closed = popup.waitForEvent('close');
  await allow.click();
  await closed;
}

// The demo, as a new user meets it, in every engine (see engines.js); screenshots of Chromium's
// run go to test-results/e2e/, the others' to test-results/e2e/<engine>/.
for (const engine of selectedEngines()) {
  test(`demo in ${engine}: connect through the emulator, see the library, disconnect`, { timeout: TIMEOUT }, async () => {
    const dir = engine === 'chromium' ? SHOTS : `${SHOTS}${engine}/`;
    await mkdir(dir, { recursive: true });
    const driver = await launch(engine);
    try {
      const tab = await driver.open(new URL('/demo/', demo.origin).href);
      const { page } = tab;
      const status = () =>
        page.evaluate(() => {
          const box = document.querySelector('[data-testid="status"]');
          return { status: box.getAttribute('data-status'), text: box.textContent };
        });
      const rowTitles = () =>
        page.evaluate(() =>
          [...(document.querySelector('#library').shadowRoot?.querySelectorAll('[part~="item"]') ?? [])].map(
            (row) => row.querySelector('[part~="title"]')?.textContent ?? '',
          ),
        );
      const buttonReady = (selector) => () =>
        waitFor(
          page,
          (s) => {
            const button = document.querySelector(s)?.shadowRoot?.querySelector('button');
            return !!button && !button.disabled;
          },
          [selector],
        );

      // 1. Signed out: the connect button is live, the list shows its signed-out slot.
      await buttonReady('#connect')();
      await waitFor(page, () => !!document.querySelector('.mode-badge[data-mode="emulator"]'));
      const signedOut = await status();
      assert.equal(signedOut.status, 'not-determined');
      assert.match(signedOut.text, /Not connected/);
      await page.screenshot(`${dir}01-signed-out.png`);

      // 2. Connect (a real click, the popup blocker on) → the emulator's consent screen names this page's host.
      const popup = await tab.nextPopup(() => click(page, ['#connect', 'button']));
      const popupUrl = await popup.url();
      assert.ok(popupUrl.startsWith(`${demo.emulatorOrigin}/woa?`), `the popup goes to the emulator, got ${popupUrl}`);
      await waitFor(popup.page, () => document.querySelector('#allow')?.textContent === 'Allow');
      assert.equal(await textAt(popup.page, ['h1 .app-name']), new URL(demo.origin).host);
      await popup.page.screenshot(`${dir}02-consent.png`);
      const closed = popup.closed();
      await click(popup.page, ['#allow']);
      await closed;

      // 3. Authorized: status line, event log (token masked), library rows.
      await waitFor(page, () => document.querySelector('[data-testid="status"]').getAttribute('data-status') === 'authorized');
      assert.match((await status()).text, /Connected to Apple Music/);
      await waitFor(page, () => (document.querySelector('#library').shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0) > 3, [], {
        message: 'library rows',
      });
      const titles = await rowTitles();
      assert.ok(titles[0].trim().length > 0, 'rows have titles');
      await waitFor(page, () => /albums loaded/.test(document.querySelector('#library-meta').textContent));
      const log = await page.evaluate(() => document.querySelector('#event-log').textContent);
      assert.match(log, /am-authorize/);
      assert.match(log, /am-status-change/);
      assert.match(log, /•••• \(\d+ chars\)/, 'the token is shown masked');
      const token = await page.evaluate(() => document.querySelector('am-auth-provider').musicUserToken);
      assert.ok(token, 'the provider holds a Music User Token');
      assert.ok(!(await page.evaluate(() => document.documentElement.outerHTML)).includes(token), 'the token never appears in the page');
      await page.screenshot(`${dir}03-library.png`);

      // 4. Disconnect → signed out again, rows gone, the signed-out slot is back.
      await click(page, ['#disconnect', 'button']);
      await waitFor(page, () => document.querySelector('[data-testid="status"]').getAttribute('data-status') === 'not-determined');
      await waitFor(
        page,
        () => {
          const list = document.querySelector('#library');
          const slot = list.querySelector('[slot="signed-out"]');
          return slot && slot.getBoundingClientRect().height > 0 && !list.shadowRoot.querySelector('[part~="item"]');
        },
        [],
        { message: 'the signed-out slot, without rows' },
      );
      assert.match(await page.evaluate(() => document.querySelector('#event-log').textContent), /am-unauthorize/);
      assert.equal(await page.evaluate(() => document.querySelector('am-auth-provider').musicUserToken ?? null), null);
      await buttonReady('#connect')();
      await page.screenshot(`${dir}04-signed-out-again.png`);

      assert.deepEqual(await tab.errors(), [], 'no uncaught errors on the page');
      await tab.close();
    } finally {
      await driver.close();
    }
  });
}

test(
  'theming page: four themes, light and dark, styled through parts [chromium only: Playwright emulateMedia needs CDP]',
  { timeout: TIMEOUT },
  async () => {
    const { context, page, errors } = await openPage('/demo/theming.html', { colorScheme: 'light' });
    const themes = page.locator('.theme');
    assert.equal(await themes.count(), 4);
    await page.locator('#reference table').first().waitFor();
    await waitForReadyButton(page, '.theme-apple am-authorize-button');

    // The themes really differ, through custom properties and ::part().
    const buttonBackground = (theme) =>
      page.evaluate((t) => {
        const button = document.querySelector(`.theme-${t} am-authorize-button`).shadowRoot.querySelector('button');
        return getComputedStyle(button).backgroundImage !== 'none'
          ? getComputedStyle(button).backgroundImage
          : getComputedStyle(button).backgroundColor;
      }, theme);
    const looks = await Promise.all(['apple', 'midnight', 'paper', 'poster'].map(buttonBackground));
    assert.equal(new Set(looks).size, 4, `four different button looks: ${looks.join(' | ')}`);
    assert.match(looks[1], /linear-gradient/, 'Midnight styles ::part(button) with a gradient');

    // Sign in once (one provider for all cards): every theme shows the library.
    await signInThroughPopup(context, page.locator('.theme-midnight am-authorize-button').getByRole('button'));
    for (const theme of ['apple', 'midnight', 'paper', 'poster']) {
      await page.locator(`.theme-${theme} am-library-list [part~="item"]`).first().waitFor({ state: 'visible', timeout: 15_000 });
    }
    await snap(page, '05-theming.png');

    // Dark: the adaptive themes follow the colour scheme, the fixed ones keep theirs.
    await page.emulateMedia({ colorScheme: 'dark' });
    const surface = (theme) => page.evaluate((t) => getComputedStyle(document.querySelector(`.theme-${t}`)).backgroundColor, theme);
    assert.equal(await surface('apple'), 'rgb(28, 28, 30)');
    assert.equal(await surface('poster'), 'rgb(255, 230, 0)');
    // The toggle overrides the system preference.
    await page.getByRole('button', { name: 'Light' }).click();
    assert.equal(await surface('apple'), 'rgb(255, 255, 255)');
    await page.getByRole('button', { name: 'Dark' }).click();
    await snap(page, '06-theming-dark.png');

    assert.deepEqual(errors.map(String), [], 'no uncaught errors on the page');
    await context.close();
  },
);

test(
  "with a real developer token the same page uses Apple's origins (routed here to an emulator) [chromium only: Playwright routing needs CDP]",
  { timeout: TIMEOUT },
  async () => {
    // A JWT-shaped token that the emulator accepts; the page must not know it is not Apple's.
    const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const fakeToken = `${b64({ alg: 'ES256', kid: 'ABCDEFGHIJ' })}.${b64({ iss: 'ABCDEFGHIJ', iat: now, exp: now + 3600 })}.${b64('signature')}`;
    const apple = await startDemo({ port: 0, developerToken: fakeToken, quiet: true });
    const standIn = await startEmulator({ port: 0, size: 300, quiet: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      assert.equal(apple.mode, 'apple');
      assert.equal(apple.emulatorOrigin, null, 'no emulator is started with a real token');
      // Apple's hosts, answered by the stand-in emulator exactly as they come (README: "Pointing
      // an app at the emulator"); any other non-local request fails the test.
      const appleHosts = [];
      const unexpected = [];
      await context.route(/^https:\/\//, async (route) => {
        const url = new URL(route.request().url());
        if (!['authorize.music.apple.com', 'api.music.apple.com', 'amp-api.music.apple.com', 'buy.itunes.apple.com'].includes(url.host)) {
          unexpected.push(url.href);
          return route.abort();
        }
        appleHosts.push(url.host);
        const response = await route.fetch({ url: `${standIn.origin}${url.pathname}${url.search}` });
        await route.fulfill({ response });
      });
      const page = await context.newPage();
      await page.goto(apple.url);
      await page.locator('.mode-badge[data-mode="apple"]').waitFor();
      assert.equal(await page.locator('.emulator-controls').isHidden(), true, 'no emulator controls against Apple');
      await waitForReadyButton(page, '#connect');
      const provider = page.locator('am-auth-provider');
      for (const name of ['authorize-url', 'api-url', 'logout-url']) {
        assert.equal(await provider.getAttribute(name), null, `${name} keeps Apple's default`);
      }
      const connect = page.locator('#connect').getByRole('button', { name: 'Connect Apple Music', exact: true });
      await signInThroughPopup(context, connect, { authorizeUrl: 'https://authorize.music.apple.com/woa' });
      await page.locator('[data-testid="status"][data-status="authorized"]').waitFor();
      await page.locator('#library [part~="item"]').first().waitFor({ state: 'visible', timeout: 15_000 });
      assert.ok(appleHosts.includes('api.music.apple.com'), 'the library came from api.music.apple.com');

      // Signing out calls Apple's 2026 logout endpoint with the browser's credentials: it revokes the token.
      const token = await page.evaluate(() => localStorage.getItem('music.abcdefghij.media-user-token'));
      assert.ok(token, 'signed in with a stored token');
      await page.locator('#disconnect').getByRole('button', { name: 'Disconnect Apple Music' }).click();
      await page.locator('[data-testid="status"][data-status="not-determined"]').waitFor();
      const landed = () => standIn.state.log.entries.some((entry) => entry.path === '/account/web/logout' && entry.status === 200);
      for (let waited = 0; !landed() && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(landed(), 'the logout call reached buy.itunes.apple.com');
      const check = await fetch(`${standIn.origin}/v1/me/storefront`, {
        headers: { Authorization: `Bearer ${fakeToken}`, 'Media-User-Token': token },
      });
      assert.equal(check.status, 403, 'the token was revoked');
      assert.deepEqual(unexpected, []);
    } finally {
      await context.close();
      await standIn.close();
      await apple.close();
    }
  },
);

test('npm start: prints the URL to open and stops both servers on Ctrl-C', { timeout: TIMEOUT }, async () => {
  const child = spawn(process.execPath, ['scripts/start.js', '--port', '0', '--emulator-port', '0', '--size', '50'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /open (http:\/\/localhost:\d+\/demo\/)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`npm start exited early (${code}):\n${output}`)));
  });
  const emulator = /emulator on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  assert.ok(emulator, `the emulator's address is printed:\n${output}`);
  assert.equal((await fetch(url)).status, 200);
  assert.equal((await fetch(`${emulator}/v1/me/storefront`)).status, 401, 'the emulator answers (and wants a token)');

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.kill('SIGINT');
  assert.deepEqual(await exited, { code: 0, signal: null });
  await assert.rejects(fetch(url), 'the page server is gone');
  await assert.rejects(fetch(`${emulator}/v1/me/storefront`), 'the emulator is gone');
});
