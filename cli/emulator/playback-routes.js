// @ts-check
// Playback for the emulator: preview and full-length audio, the MusicKit JS stand-in script
// (musickit/) with switches to delay or withhold it, and the licence call the
// stand-in makes before full-length playback, where the Music User Token is checked.
import { sendJson, sendAppleError, readJson, sleep } from './http.js';
import { checkDeveloperToken } from './tokens.js';
import { createTrack, sendTrack } from './audio.js';
import { hasPreview } from './catalog.js';
import { STAND_IN_SCRIPT } from './musickit/index.js';

export const MUSICKIT_PATH = '/musickit/v3/musickit.js';
/** Apple's player asks play.itunes.apple.com for the assets of a song; the stand-in asks here. */
export const WEB_PLAYBACK_PATH = '/WebObjects/MZPlay.woa/wa/webPlayback';
export const PREVIEW_SECONDS = 30;
const MAX_DELAY = 120_000;

/**
 * @typedef {object} MusicKitSwitches how the stand-in script is served
 * @property {number | 'never'} delay ms before answering, or never answer
 * @property {number} status 200, or an error status (the script then fails to load)
 */

/** @returns {MusicKitSwitches} */
export const defaultMusicKitSwitches = () => ({ delay: 0, status: 200 });

/**
 * Validates switches from a query string or a control body; throws a clear message.
 * @param {{delay?: unknown, status?: unknown}} input
 * @param {MusicKitSwitches} base
 * @returns {MusicKitSwitches}
 */
export function parseMusicKitSwitches(input, base) {
  const result = { ...base };
  if (input.delay !== undefined && input.delay !== null) {
    const delay = input.delay === 'never' ? 'never' : Number(input.delay);
    if (delay !== 'never' && !(Number.isInteger(delay) && delay >= 0 && delay <= MAX_DELAY)) {
      throw new Error(`delay must be 'never' or an integer from 0 to ${MAX_DELAY} (ms)`);
    }
    result.delay = delay;
  }
  if (input.status !== undefined && input.status !== null) {
    const status = Number(input.status);
    if (!(status === 200 || (Number.isInteger(status) && status >= 400 && status <= 599))) throw new Error('status must be 200 or 400-599');
    result.status = status;
  }
  return result;
}

/** @param {string} path */
export const isPlaybackPath = (path) => path === MUSICKIT_PATH || path.startsWith('/audio/');

/**
 * @typedef {object} PlaybackState
 * @property {string} origin
 * @property {ReturnType<typeof import('./library.js').createLibrary>} library
 * @property {ReturnType<typeof import('./catalog.js').createCatalog>} catalog
 * @property {import('./tokens.js').MusicUserTokens} tokens
 * @property {MusicKitSwitches} musickit
 */

/**
 * What plays for an id: a catalog song or music video, or a library song or music video.
 * A library item with a twin sounds like its twin.
 * @param {PlaybackState} state
 * @param {string} id
 * @returns {{durationInMillis: number, sound: string, catalog: boolean} | undefined}
 */
function playable(state, id) {
  const record = state.catalog.songs.get(id) ?? state.catalog.videos.get(id);
  if (record) return { durationInMillis: record.durationInMillis, sound: id, catalog: true };
  const item = state.library.byId.get(`songs/${id}`) ?? state.library.byId.get(`music-videos/${id}`);
  if (!item) return undefined;
  const attributes = /** @type {any} */ (item.attributes);
  return { durationInMillis: attributes.durationInMillis, sound: attributes.playParams.catalogId ?? id, catalog: false };
}

/**
 * `/audio/preview/{catalogId}.wav`, `/audio/full/{id}.wav` and the stand-in script.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {PlaybackState} state
 */
export async function handlePlayback(req, res, url, state) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendAppleError(res, 405, 'Use GET');
  if (url.pathname === MUSICKIT_PATH) return serveStandIn(req, res, url, state);
  const match = /^\/audio\/(preview|full)\/([^/]+)\.wav$/.exec(url.pathname);
  const id = match ? decodeURIComponent(match[2]) : '';
  const item = match ? playable(state, id) : undefined;
  if (!match || !item) return sendAppleError(res, 404, `No audio at ${url.pathname}`);
  const seconds = item.durationInMillis / 1000;
  if (match[1] === 'full') return sendTrack(req, res, createTrack(item.sound, seconds));
  if (!item.catalog || !hasPreview(id)) return sendAppleError(res, 404, `No preview for ${id}`);
  // An excerpt from about a third of the way in, like Apple's previews.
  const length = Math.min(PREVIEW_SECONDS, seconds);
  const offset = Math.min(Math.floor(seconds * 0.3), seconds - length);
  return sendTrack(req, res, createTrack(item.sound, length, offset));
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {PlaybackState} state
 */
async function serveStandIn(req, res, url, state) {
  let switches;
  try {
    switches = parseMusicKitSwitches({ delay: url.searchParams.get('delay'), status: url.searchParams.get('status') }, state.musickit);
  } catch (error) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end(`MusicKit stand-in: ${/** @type {Error} */ (error).message}\n`);
  }
  // Never answering is how a blocked or unreachable CDN looks to a page: it must time out.
  if (switches.delay === 'never') return;
  if (switches.delay > 0) await sleep(switches.delay);
  if (res.destroyed) return;
  if (switches.status !== 200) {
    res.writeHead(switches.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    return res.end(`MusicKit stand-in refused with ${switches.status} on purpose\n`);
  }
  res.writeHead(200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Content-Length': Buffer.byteLength(STAND_IN_SCRIPT),
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : STAND_IN_SCRIPT);
}

/**
 * The stand-in's licence call: `POST` with `Authorization: Bearer <developer token>`, the Music
 * User Token in `Media-User-Token` (or `Music-User-Token`) and a JSON body
 * `{salableAdamId}` (catalog id) or `{universalLibraryId}` (library id). Answers
 * `{songList: [{songId, assetUrl, durationInMillis}]}`; 401/403 as the API.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {PlaybackState} state
 */
export async function handleWebPlayback(req, res, state) {
  if (req.method !== 'POST') return sendAppleError(res, 405, 'Use POST');
  const problem = checkDeveloperToken(req.headers.authorization, Date.now() / 1000);
  if (problem) return sendAppleError(res, 401, problem);
  const header = req.headers['media-user-token'] ?? req.headers['music-user-token'];
  const userToken = typeof header === 'string' ? header : undefined;
  if (!state.tokens.isValid(userToken)) {
    req.resume();
    return sendAppleError(res, 403, userToken ? 'Music User Token is invalid or revoked' : 'Media-User-Token header is missing');
  }
  let body;
  try {
    body = await readJson(req);
  } catch (error) {
    return sendAppleError(res, 400, /** @type {Error} */ (error).message);
  }
  const id = body?.salableAdamId ?? body?.universalLibraryId;
  if (typeof id !== 'string' || !id)
    return sendAppleError(res, 400, 'Body must be {"salableAdamId": "<catalog id>"} or {"universalLibraryId": "<library id>"}');
  const item = playable(state, id);
  if (!item) return sendAppleError(res, 404, `Nothing to play with id ${id}`);
  sendJson(res, 200, {
    songList: [
      { songId: id, assetUrl: `${state.origin}/audio/full/${encodeURIComponent(id)}.wav`, durationInMillis: item.durationInMillis },
    ],
  });
}
