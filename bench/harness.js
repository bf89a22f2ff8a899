// What every browser scenario shares: the emulator, a page server on another origin, the
// browser, and a developer token the emulator accepts.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { startEmulator } from '../cli/emulator/index.js';
import { createLibrary, librarySplit } from '../cli/emulator/library.js';
import { createCatalog } from '../cli/emulator/catalog.js';
import { emulatorDeveloperToken } from '../cli/emulator/tokens.js';
import { catalogResources } from '../cli/emulator/catalog-api.js';
import { findChromium, CHROMIUM_FLAGS } from '../scripts/chromium.js';
import { root } from './size.js';

export const TEAM = 'BENCHTEAM1';
export const VIEWPORT = { width: 1280, height: 900 };

/**
 * Looks like a developer token to the emulator, which cannot check Apple's signature. Valid for
 * 90 days, as a site's token usually is: one expiring within 14 days makes every page load warn
 * (a console message and an event), which a real page does not pay for.
 */
export function developerToken() {
  return emulatorDeveloperToken({ team: TEAM, keyId: 'BENCHKEY01', lifetimeSeconds: 90 * 86_400 });
}

/** Smallest emulator size whose split gives at least `songs` songs. */
function sizeForSongs(songs) {
  let size = Math.max(0, Math.ceil(songs / 0.7) - 50);
  while (librarySplit(size).songs < songs) size++;
  return size;
}

/**
 * Serves the bench pages on http://localhost:<port>/ — a different origin from the emulator's
 * 127.0.0.1, so the API is cross-origin as Apple's is — and dist/am-elements.js.
 */
async function startPageServer() {
  const pages = new Map();
  // The bundle and the playback file it loads on pages with playback elements.
  const scripts = new Map();
  for (const name of ['am-elements.js', 'am-elements-playback.js']) scripts.set(`/${name}`, await readFile(`${root}dist/${name}`));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (pages.has(path)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(pages.get(path));
    }
    if (scripts.has(path)) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      return res.end(scripts.get(path));
    }
    res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://localhost:${server.address().port}`,
    /** Serves `html` at `path`. */
    page: (path, html) => pages.set(path, html),
    /** Serves JavaScript `source` at `path` (e.g. another build, to compare two side by side). */
    script: (path, source) => scripts.set(path, source),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Starts the emulator, the page server and Chromium; `close()` stops all three. */
export async function startHarness() {
  const emulator = await startEmulator({ port: 0, size: 0, seed: 1, quiet: true });
  const pages = await startPageServer();
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
  const libraries = new Map();
  return {
    emulator,
    pages,
    browser,
    /** Makes the emulator's library hold (at least) `songs` songs; returns its size and song count. */
    useLibrary(songs) {
      if (!libraries.has(songs)) {
        const size = sizeForSongs(songs);
        const library = createLibrary({ size, seed: 1, origin: emulator.origin });
        // The catalog holds the tracks of the library's albums and playlists.
        const catalog = createCatalog({ seed: 1, origin: emulator.origin, library });
        libraries.set(songs, {
          size,
          songs: librarySplit(size).songs,
          library,
          catalog,
          resources: catalogResources(catalog, emulator.origin),
        });
      }
      const entry = libraries.get(songs);
      emulator.state.library = entry.library;
      emulator.state.catalog = entry.catalog;
      emulator.state.catalogResources = entry.resources;
      return { size: entry.size, songs: entry.songs, firstPlaylist: entry.library.lists.playlists[0]?.id };
    },
    /**
     * A fresh browser context; signed in when `signedIn`: a token, its restriction and its
     * storefront in localStorage, as a sign-in leaves them (without the storefront the provider
     * would ask `/v1/me/storefront` on every load, which a returning user never costs).
     */
    async context({ signedIn = false } = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      if (signedIn) {
        const token = emulator.state.tokens.issue();
        await context.addInitScript(
          ({ team, token }) => {
            localStorage.setItem(`music.${team}.media-user-token`, token);
            localStorage.setItem(`music.${team}.itre`, '0');
            localStorage.setItem(`music.${team}.itua`, 'us');
          },
          { team: TEAM.toLowerCase(), token },
        );
      }
      return context;
    },
    async close() {
      await browser.close();
      await pages.close();
      await emulator.close();
    },
  };
}

/** Collects uncaught page errors; `check()` throws if there were any. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    errors,
    check() {
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    },
  };
}
