// One small page-driving interface over the three engines, for end-to-end tests that must run
// in all of them: puppeteer-core drives Chromium (CDP) and Firefox (WebDriver BiDi);
// webdriverio drives WebKitGTK's MiniBrowser (classic WebDriver, on an Xvfb display).
// Each engine runs with its popup blocker on, and clicks are real pointer input.
import { writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { findChromium, CHROMIUM_FLAGS } from '../../scripts/chromium.js';
import { findFirefox, selectedEngines, startWebKitDriver, webKitCapabilities } from '../../scripts/engines.js';

export { selectedEngines };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {object} Page
 * @property {(fn: Function, ...args: any[]) => Promise<any>} evaluate runs `fn(...args)` in the page
 * @property {(x: number, y: number) => Promise<void>} clickAt a real click at viewport coordinates
 * @property {(path: string) => Promise<void>} screenshot
 */

/** Polls `fn(...args)` in `page` until it returns something truthy, and returns that. */
export async function waitFor(page, fn, args = [], { timeout = 15_000, message = fn.toString() } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, ...args).catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${message}`);
    await sleep(100);
  }
}

// `path` names an element through open shadow roots: `['#connect', 'button']` is the button in
// `#connect`'s shadow root. The lookup is repeated inside each page function, which must be
// self-contained.

/** The text of the element at `path`, or null. */
export function textAt(page, path) {
  return page.evaluate((p) => {
    let element = document.querySelector(p[0]);
    for (const selector of p.slice(1)) element = element?.shadowRoot?.querySelector(selector) ?? null;
    return element?.textContent ?? null;
  }, path);
}

/** Waits until the element at `path` is laid out and enabled, and clicks its middle. */
export async function click(page, path) {
  const center = await waitFor(
    page,
    (p) => {
      let element = document.querySelector(p[0]);
      for (const selector of p.slice(1)) element = element?.shadowRoot?.querySelector(selector) ?? null;
      if (!element || element.disabled) return null;
      const rect = element.getBoundingClientRect();
      return rect.width && rect.height ? [rect.x + rect.width / 2, rect.y + rect.height / 2] : null;
    },
    [path],
    { message: `${path.join(' → ')} to be clickable` },
  );
  await page.clickAt(Math.round(center[0]), Math.round(center[1]));
}

/** Chromium or Firefox through puppeteer-core; each `open()` gets a fresh browser context. */
async function launchPuppeteer(engine) {
  const browser =
    engine === 'firefox'
      ? await puppeteer.launch({
          browser: 'firefox',
          executablePath: findFirefox(),
          headless: true,
          extraPrefsFirefox: { 'dom.disable_open_during_load': true },
        })
      : await puppeteer.launch({
          executablePath: findChromium(),
          headless: true,
          args: CHROMIUM_FLAGS,
          ignoreDefaultArgs: ['--disable-popup-blocking'],
        });
  const wrap = (page) => ({
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    clickAt: (x, y) => page.mouse.click(x, y),
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
  });
  return {
    engine,
    async open(url) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(url);
      const popups = [];
      page.on('popup', (popup) => popup && popups.push(popup));
      return {
        page: wrap(page),
        errors: async () => errors,
        /** Resolves with the next popup the page opens. */
        async nextPopup(action) {
          const before = popups.length;
          await action();
          const end = Date.now() + 15_000;
          while (popups.length === before && Date.now() < end) await sleep(50);
          const popup = popups[before];
          if (!popup) throw new Error('no popup opened');
          return {
            page: wrap(popup),
            /** Its URL once it has left the initial about:blank (Firefox reports the popup before that). */
            async url() {
              for (let waited = 0; popup.url() === 'about:blank' && waited < 15_000; waited += 50) await sleep(50);
              return popup.url();
            },
            /** Resolves once the popup has closed (Apple's page closes itself after answering). */
            closed: () => (popup.isClosed() ? Promise.resolve() : new Promise((resolve) => popup.once('close', resolve))),
          };
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

/** WebKit: MiniBrowser through WebKitWebDriver on a private Xvfb display; one session per `open()`. */
async function launchWebKit() {
  const driver = await startWebKitDriver();
  const sessions = new Set();
  const wrap = (session, handle) => {
    const inWindow = async () => {
      if ((await session.getWindowHandle().catch(() => null)) !== handle) await session.switchToWindow(handle);
    };
    return {
      async evaluate(fn, ...args) {
        await inWindow();
        return session.execute(`return (${fn.toString()}).apply(null, arguments)`, ...args);
      },
      async clickAt(x, y) {
        await inWindow();
        await session.performActions([
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', duration: 0, x, y },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ]);
        await session.releaseActions();
      },
      async screenshot(path) {
        await inWindow();
        await writeFile(path, Buffer.from(await session.takeScreenshot(), 'base64'));
      },
    };
  };
  return {
    engine: 'webkit',
    async open(url) {
      const session = await remote({ hostname: '127.0.0.1', port: driver.port, logLevel: 'error', capabilities: webKitCapabilities() });
      sessions.add(session);
      await session.setWindowSize(1280, 900).catch(() => undefined);
      await session.navigateTo(url);
      const main = await session.getWindowHandle();
      const page = wrap(session, main);
      // Classic WebDriver reports no page errors: the page collects them itself from here on.
      await page.evaluate(() => {
        window.__errors = [];
        window.addEventListener('error', (event) => window.__errors.push(String(event.error ?? event.message)));
        window.addEventListener('unhandledrejection', (event) => window.__errors.push(String(event.reason)));
      });
      return {
        page,
        errors: async () => (await page.evaluate(() => window.__errors).catch(() => null)) ?? [],
        async nextPopup(action) {
          const before = new Set(await session.getWindowHandles());
          await action();
          const end = Date.now() + 15_000;
          let handle;
          while (!handle && Date.now() < end) {
            handle = (await session.getWindowHandles()).find((h) => !before.has(h));
            if (!handle) await sleep(50);
          }
          if (!handle) throw new Error('no popup opened');
          const popup = wrap(session, handle);
          return {
            page: popup,
            url: () => popup.evaluate(() => location.href),
            async closed() {
              while ((await session.getWindowHandles()).includes(handle)) await sleep(50);
              await session.switchToWindow(main);
            },
          };
        },
        async close() {
          sessions.delete(session);
          await session.deleteSession().catch(() => undefined);
        },
      };
    },
    async close() {
      await Promise.all([...sessions].map((session) => session.deleteSession().catch(() => undefined)));
      await driver.close();
    },
  };
}

/** Starts `engine` ('chromium', 'firefox' or 'webkit'). */
export function launch(engine) {
  return engine === 'webkit' ? launchWebKit() : launchPuppeteer(engine);
}
