#!/usr/bin/env node
// @ts-check
// Pictures of the README's snippet on a page that holds nothing else (no CSS of its own), for
// the README: desktop and phone, light and dark, signed out, busy (Apple's popup open) and
// signed in with the library. The page loads the built bundle (dist/am-elements.js, what the
// snippet's <script> loads) and signs in through the emulator's consent screen, as a user would.
//
//   npm run build && node scripts/bare-page-screenshots.js
//
// Writes docs/images/bare-<desktop|phone>-<light|dark>-<signed-out|busy|signed-in>.png.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemo, DEVELOPER_TOKEN_PATH } from './start.js';
import { findChromium, CHROMIUM_FLAGS } from './chromium.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}docs/images/`;

/**
 * The README's snippet, pointed at the emulator; the page adds only what every page has.
 * @param {string} emulator
 */
function barePage(emulator) {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>am-elements on a bare page</title>
<script type="module" src="/dist/am-elements.js"></script>

<am-auth-provider developer-token-url="${DEVELOPER_TOKEN_PATH}"
  authorize-url="${emulator}/woa" api-url="${emulator}" logout-url="${emulator}/account/web/logout">
  <am-authorize-button></am-authorize-button>
  <am-unauthorize-button></am-unauthorize-button>
  <am-library-list type="albums"></am-library-list>
</am-auth-provider>
</html>`;
}

// `clip`: the part of the screen the pictures keep (everything is in the top left on a bare page).
const DEVICES = {
  desktop: { viewport: { width: 1024, height: 640 }, deviceScaleFactor: 1, clip: { x: 0, y: 0, width: 720, height: 540 } },
  // A phone: touch, no hover, twice the pixels.
  phone: {
    viewport: { width: 390, height: 760 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    clip: { x: 0, y: 0, width: 390, height: 540 },
  },
};

async function main() {
  if (!existsSync(`${ROOT}dist/am-elements.js`)) throw new Error('dist/am-elements.js is missing: run `npm run build` first.');
  await mkdir(OUT, { recursive: true });
  const demo = await startDemo({ port: 0, emulatorPort: 0, size: 300, quiet: true });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
  const emulator = /** @type {string} */ (demo.emulatorOrigin);
  try {
    for (const [device, { clip, ...options }] of Object.entries(DEVICES)) {
      for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
        const context = await browser.newContext({ ...options, colorScheme });
        // The emulator's library holds names made to test escaping (markup, right-to-left and
        // CJK text): fine for tests, distracting in a picture. Leave those rows out.
        await context.route(`${emulator}/v1/me/library/**`, async (route) => {
          const response = await route.fetch();
          const body = await response.json().catch(() => null);
          if (!response.ok() || !Array.isArray(body?.data)) return route.fulfill({ response });
          const plain = (/** @type {unknown} */ value) =>
            typeof value !== 'string' || (/^[\u0020-\u024f\u2014\u2019]*$/.test(value) && !/[<>]/.test(value));
          body.data = body.data.filter((/** @type {any} */ item) => ['name', 'artistName'].every((key) => plain(item.attributes?.[key])));
          return route.fulfill({ response, json: body });
        });
        // Covers come from the emulator; fetched here, since a page fulfilled by a route may not
        // load from 127.0.0.1 itself (Chromium's private network rules).
        await context.route(`${emulator}/artwork/**`, async (route) => route.fulfill({ response: await route.fetch() }));
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error(`${device} ${colorScheme}: ${error.message}`));
        await page.route(`${demo.origin}/bare.html`, (route) => route.fulfill({ contentType: 'text/html', body: barePage(emulator) }));
        await page.goto(`${demo.origin}/bare.html`);
        const shoot = async (/** @type {string} */ state) => {
          await page.evaluate(() => document.fonts.ready);
          const path = `${OUT}bare-${device}-${colorScheme}-${state}.png`;
          await page.screenshot({ path, clip, animations: 'disabled' });
          console.log(path.slice(ROOT.length));
        };

        const connect = page.locator('am-auth-provider > am-authorize-button').getByRole('button');
        await page.waitForFunction(() => document.querySelector('am-library-list')?.getAttribute('state') === 'signed-out');
        await connect.waitFor();
        await shoot('signed-out');

        const popupOpened = context.waitForEvent('page');
        await connect.click();
        const popup = await popupOpened;
        const allow = popup.getByRole('button', { name: 'Allow', exact: true });
        await allow.waitFor();
        await page.waitForFunction(() => document.querySelector('am-authorize-button')?.hasAttribute('busy'));
        await shoot('busy');

        const closed = popup.waitForEvent('close');
        await allow.click();
        await closed;
        await page.waitForFunction(() => {
          const images = [...(document.querySelector('am-library-list')?.shadowRoot?.querySelectorAll('[part~="artwork"]') ?? [])];
          return (
            images.length >= 4 &&
            images.slice(0, 4).every((image) => image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0)
          );
        });
        // Whatever has focus after the popup (Disconnect, for a keyboard user) is not the picture.
        await page.evaluate(() => /** @type {HTMLElement | null} */ (document.activeElement)?.blur());
        await shoot('signed-in');
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await demo.close();
  }
}

await main();
