// @ts-check
// Request routing for the emulator. Order matters: CORS first (preflights never reach a
// route), then the control API, the popup page, artwork, and finally the Apple endpoints,
// which go through latency → fault injection → token checks like a real remote API would.
import { applyCors, isLocalOrigin } from './cors.js';
import { sendJson, sendHtml, sendAppleError, readJson, sleep, appleErrorBody } from './http.js';
import { parseAuthorizeQuery, renderAuthorizePage, renderErrorPage, pageSecurityHeaders, newNonce } from './authorize-page.js';
import { parseFault } from './faults.js';
import { checkDeveloperToken, parseLibraryKind } from './tokens.js';
import { artworkSvg } from './artwork.js';
import { handleMe } from './api.js';
import { renderForgePage } from './forge-page.js';
import { handleCatalog } from './catalog-api.js';
import { handleLibraryCatalog } from './library-catalog.js';
import { sendLibrarySearch, sendLibraryWithout } from './library-search.js';
import {
  isPlaybackPath,
  handlePlayback,
  handleWebPlayback,
  WEB_PLAYBACK_PATH,
  parseMusicKitSwitches,
  defaultMusicKitSwitches,
} from './playback-routes.js';

/** Apple's two logout endpoints: MusicKit JS 2026's, and the one its older builds call (docs/protocol.md). */
const LOGOUT_PATHS = new Set(['/account/web/logout', '/WebObjects/MZPlay.woa/wa/webPlayerLogout']);

/**
 * The Music User Token of a request. Apple's documentation names the header `Music-User-Token`;
 * MusicKit JS (2026) sends `Media-User-Token`, and its older builds signed out with
 * `X-Apple-Music-User-Token`. A stand-in for Apple takes each where its client sends it.
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {boolean} logout
 */
function userTokenOf(headers, logout) {
  const names = logout ? ['media-user-token', 'x-apple-music-user-token', 'music-user-token'] : ['music-user-token', 'media-user-token'];
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/**
 * Origins allowed to call the control endpoints besides local pages: Apple's authorize page,
 * when a test routes authorize.music.apple.com to the emulator (its page then calls /woa/issue).
 */
const APPLE_AUTHORIZE_ORIGIN = 'https://authorize.music.apple.com';

/**
 * @typedef {object} EmulatorState
 * @property {string} origin
 * @property {string} storefront
 * @property {number} defaultLatency latency from the options, restored by reset
 * @property {number} latency current added latency (ms) for API calls
 * @property {ReturnType<typeof import('./library.js').createLibrary>} library
 * @property {ReturnType<typeof import('./catalog.js').createCatalog>} catalog
 * @property {ReturnType<typeof import('./catalog-api.js').catalogResources>} catalogResources
 * @property {import('./playback-routes.js').MusicKitSwitches} musickit how the MusicKit stand-in is served
 * @property {import('./tokens.js').MusicUserTokens} tokens
 * @property {import('./faults.js').FaultQueue} faults
 * @property {import('./faults.js').RequestLog} log
 */

/**
 * @param {EmulatorState} state
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function createHandler(state) {
  return (req, res) => {
    handle(req, res, state).catch((error) => {
      if (!res.headersSent) sendAppleError(res, 500, `Emulator error: ${error?.message ?? error}`);
      else res.destroy();
    });
  };
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {EmulatorState} state
 */
async function handle(req, res, state) {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const applePath = LOGOUT_PATHS.has(path) || path === WEB_PLAYBACK_PATH || path.startsWith('/v1/');
  if (applyCors(req, res, { credentials: applePath })) return;

  // Browsers send Origin on cross-origin POSTs, even "simple" ones that skip the preflight:
  // refuse foreign pages so a website cannot reset the emulator or mint tokens.
  const controlPath = path.startsWith('/_emulator/') || path === '/woa/issue';
  const origin = req.headers.origin;
  const trusted = origin === undefined || isLocalOrigin(origin) || (path === '/woa/issue' && origin === APPLE_AUTHORIZE_ORIGIN);
  if (controlPath && !trusted) {
    return sendJson(res, 403, { error: 'Only local pages may use this endpoint' });
  }
  if (path.startsWith('/_emulator/')) return control(req, res, url, state);
  if (path === '/woa' || path === '/woa/') return authorizePage(res, url);
  if (path === '/woa/issue' && method === 'POST') return issue(req, res, state);
  if (path.startsWith('/artwork/')) return artwork(res, path);
  if (path === '/' && method === 'GET') return sendHtml(res, 200, indexPage(state));
  if (isPlaybackPath(path)) return playback(req, res, url, state);
  if (applePath) return apple(req, res, url, state);
  sendAppleError(res, 404, `No resource at ${path}`);
}

/** @param {import('node:http').ServerResponse} res @param {URL} url */
function authorizePage(res, url) {
  const nonce = newNonce();
  const parsed = parseAuthorizeQuery(url.searchParams);
  if ('error' in parsed) return sendHtml(res, 400, renderErrorPage(parsed.error, nonce), pageSecurityHeaders(nonce));
  sendHtml(res, 200, renderAuthorizePage(parsed.config, nonce), pageSecurityHeaders(nonce));
}

/**
 * Issues a Music User Token (the popup calls this on Allow; tests may too). Body
 * `{token?: string, library?: 'full' | 'none' | 'empty'}` forces the value and says what the
 * user has in iCloud Music Library.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {EmulatorState} state
 */
async function issue(req, res, state) {
  issueFor(await readJson(req).catch(() => undefined), res, state);
}

/**
 * @param {any} body the parsed request body
 * @param {import('node:http').ServerResponse} res
 * @param {EmulatorState} state
 */
function issueFor(body, res, state) {
  const forced = typeof body?.token === 'string' ? body.token : undefined;
  const library = parseLibraryKind(body?.library);
  if (!library) return sendJson(res, 400, { error: 'library must be "full", "none" or "empty"' });
  sendJson(res, 200, { musicUserToken: state.tokens.issue(forced, library) });
}

/** @param {import('node:http').ServerResponse} res @param {string} path */
function artwork(res, path) {
  const match = /^\/artwork\/([^/]+)\/(\d{1,5})x(\d{1,5})(?:bb)?\.(svg|jpg|png|webp)$/.exec(path);
  const width = Number(match?.[2]);
  const height = Number(match?.[3]);
  if (!match || !(width >= 1 && width <= 5000 && height >= 1 && height <= 5000)) {
    return sendAppleError(res, 404, 'Artwork URLs look like /artwork/<id>/<w>x<h>.svg (1-5000 px)');
  }
  const svg = artworkSvg(decodeURIComponent(match[1]), width, height);
  res.writeHead(200, {
    'Content-Type': 'image/svg+xml',
    'Content-Length': Buffer.byteLength(svg),
    // Same id and size always give the same image.
    'Cache-Control': 'public, max-age=31536000, immutable',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
  res.end(svg);
}

/**
 * Apple's endpoints: logout and /v1. Logged (without tokens) for tests to count.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {EmulatorState} state
 */
async function apple(req, res, url, state) {
  const path = url.pathname;
  const entry = {
    time: new Date().toISOString(),
    method: req.method ?? 'GET',
    path,
    query: Object.fromEntries(url.searchParams),
    status: 0,
    ...(req.headers.origin ? { origin: req.headers.origin } : {}),
  };
  state.log.add(entry);
  res.on('finish', () => (entry.status = res.statusCode));

  if (state.latency > 0) await sleep(state.latency);
  const fault = state.faults.take(path);
  if (fault && fault.status !== 200) return sendFault(res, fault);

  if (LOGOUT_PATHS.has(path)) {
    if (req.method !== 'POST') return sendAppleError(res, 405, 'Use POST');
    state.tokens.revoke(userTokenOf(req.headers, true));
    req.resume();
    return sendJson(res, 200, {});
  }
  if (path === WEB_PLAYBACK_PATH) return handleWebPlayback(req, res, state);
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendAppleError(res, 405, 'The emulated API is read-only');
  const problem = checkDeveloperToken(req.headers.authorization, Date.now() / 1000);
  if (problem) return sendAppleError(res, 401, problem);
  if (path.startsWith('/v1/catalog/')) return handleCatalog(res, url, state, fault?.body);
  if (!path.startsWith('/v1/me/')) return sendAppleError(res, 404, `The emulator serves /v1/me/… only, not ${path}`);
  const userToken = userTokenOf(req.headers, false);
  if (!state.tokens.isValid(userToken)) {
    return sendAppleError(
      res,
      403,
      userToken ? 'Music User Token is invalid or revoked' : 'Music-User-Token (or Media-User-Token) header is missing',
    );
  }
  const library = state.tokens.libraryOf(userToken);
  if (library !== 'full' && path.startsWith('/v1/me/library')) return sendLibraryWithout(res, url, library);
  if (path.replace(/\/+$/, '') === '/v1/me/library/search') return sendLibrarySearch(res, url, state.library.lists);
  if (handleLibraryCatalog(res, url, state, fault?.body)) return;
  handleMe(res, url, state, fault?.body);
}

/**
 * Audio and the MusicKit stand-in: logged and open to faults like Apple's endpoints (a test can
 * break a preview or the script), but without the API's latency or tokens.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {EmulatorState} state
 */
async function playback(req, res, url, state) {
  const entry = {
    time: new Date().toISOString(),
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    status: 0,
  };
  state.log.add(entry);
  res.on('finish', () => (entry.status = res.statusCode));
  const fault = state.faults.take(url.pathname);
  if (fault && fault.status !== 200) return sendFault(res, fault);
  return handlePlayback(req, res, url, state);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {import('./faults.js').Fault} fault
 */
function sendFault(res, fault) {
  if (fault.body === 'drop') {
    // A connection cut without an answer: fetch rejects with a network error.
    res.socket?.destroy();
    return;
  }
  /** @type {Record<string, string>} */
  const headers = { 'Cache-Control': 'no-store' };
  const retryAfter = fault.retryAfter === undefined && fault.status === 429 ? 1 : fault.retryAfter;
  if (retryAfter !== undefined && retryAfter !== null) headers['Retry-After'] = String(retryAfter);
  const detail = `Injected fault (${fault.status})`;
  if (fault.body === 'json') return sendJson(res, fault.status, appleErrorBody(fault.status, detail), headers);
  if (fault.body === 'html') {
    return sendHtml(
      res,
      fault.status,
      `<!doctype html><title>${fault.status}</title><h1>${fault.status} Error</h1><p>${detail}</p>`,
      headers,
    );
  }
  if (fault.body === 'malformed-json') {
    res.writeHead(fault.status, { ...headers, 'Content-Type': 'application/json' });
    return res.end('{"errors":[{"status":');
  }
  res.writeHead(fault.status, { ...headers, 'Content-Length': '0' });
  res.end();
}

/**
 * The control API for tests (see README of the emulator in cli/emulator/index.js).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {EmulatorState} state
 */
async function control(req, res, url, state) {
  const route = `${req.method} ${url.pathname}`;
  let body;
  try {
    body = req.method === 'POST' ? await readJson(req) : undefined;
  } catch (error) {
    return sendJson(res, 400, { error: /** @type {Error} */ (error).message });
  }
  switch (route) {
    case 'GET /_emulator/forge': {
      const nonce = newNonce();
      // Framed by test pages on other origins, so no frame-ancestors restriction here.
      const headers = { ...pageSecurityHeaders(nonce) };
      headers['Content-Security-Policy'] = headers['Content-Security-Policy'].replace("; frame-ancestors 'none'", '');
      return sendHtml(res, 200, renderForgePage(nonce), headers);
    }
    case 'GET /_emulator/faults':
      return sendJson(res, 200, { faults: state.faults.faults });
    case 'POST /_emulator/faults': {
      const list = Array.isArray(body) ? body : [body];
      try {
        const parsed = list.map(parseFault);
        parsed.forEach((fault) => state.faults.add(fault));
      } catch (error) {
        return sendJson(res, 400, { error: /** @type {Error} */ (error).message });
      }
      return sendJson(res, 200, { faults: state.faults.faults });
    }
    case 'POST /_emulator/reset':
      state.faults.clear();
      state.tokens.reset();
      state.log.clear();
      state.latency = state.defaultLatency;
      state.musickit = defaultMusicKitSwitches();
      return sendJson(res, 200, { ok: true });
    case 'POST /_emulator/revoke':
      if (typeof body?.token !== 'string' || !body.token)
        return sendJson(res, 400, { error: 'body must be {"token": "<music user token>"}' });
      state.tokens.revoke(body.token);
      return sendJson(res, 200, { ok: true });
    case 'POST /_emulator/latency':
      if (!Number.isFinite(body?.ms) || body.ms < 0) return sendJson(res, 400, { error: 'body must be {"ms": <non-negative number>}' });
      state.latency = Math.min(body.ms, 120_000);
      return sendJson(res, 200, { ms: state.latency });
    case 'POST /_emulator/issue':
      return issueFor(body, res, state);
    case 'GET /_emulator/requests': {
      const prefix = url.searchParams.get('path') ?? '';
      return sendJson(res, 200, { requests: state.log.entries.filter((entry) => entry.path.startsWith(prefix)) });
    }
    case 'GET /_emulator/musickit':
      return sendJson(res, 200, state.musickit);
    case 'POST /_emulator/musickit':
      try {
        state.musickit = parseMusicKitSwitches(body ?? {}, state.musickit);
      } catch (error) {
        return sendJson(res, 400, { error: /** @type {Error} */ (error).message });
      }
      return sendJson(res, 200, state.musickit);
    case 'DELETE /_emulator/requests':
      state.log.clear();
      return sendJson(res, 200, { ok: true });
    default:
      return sendJson(res, 404, { error: `Unknown control endpoint ${route}` });
  }
}

/** @param {EmulatorState} state */
function indexPage(state) {
  const s = state.library.split;
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Apple Music emulator</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:640px;margin:48px auto;padding:0 20px;color:#1d1d1f}code{background:#f2f2f4;padding:1px 5px;border-radius:4px}</style>
<h1>Apple Music emulator</h1>
<p>A local stand-in for Apple's sign-in page and the Apple Music API, for development and tests. It only listens on this computer.</p>
<p>Point <code>&lt;am-auth-provider&gt;</code> at it with <code>authorize-url="${state.origin}/woa"</code> and <code>api-url="${state.origin}"</code>.</p>
<p>Library: ${s.albums} albums, ${s.songs} songs, ${s.playlists} playlists, ${s.artists} artists, ${s['music-videos']} music videos. Storefront <code>${state.storefront}</code>.</p>
<p>Catalog: ${state.catalog.songs.size} songs, ${state.catalog.albums.size} albums, ${state.catalog.playlists.size} playlists. MusicKit JS stand-in for <code>musickit-url</code>: <code>${state.origin}/musickit/v3/musickit.js</code>.</p>
</html>`;
}
