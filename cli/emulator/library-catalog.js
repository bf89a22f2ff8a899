// @ts-check
// The library routes that reach the catalog or the tracks: `include=catalog` on library lists
// and items, `/v1/me/library/{type}/{id}/catalog`, and the tracks of library albums and
// playlists. Anything else under /v1/me/ is left to api.js.
import { sendJson, sendAppleError } from './http.js';
import { sendPage } from './api.js';

const TYPES_WITH_TWINS = new Set(['songs', 'albums', 'music-videos', 'playlists']);

/**
 * @typedef {object} LibraryCatalogState
 * @property {string} storefront
 * @property {ReturnType<typeof import('./library.js').createLibrary>} library
 * @property {ReturnType<typeof import('./catalog.js').createCatalog>} catalog
 * @property {ReturnType<typeof import('./catalog-api.js').catalogResources>} catalogResources
 */

/** Library resource → the same resource with `relationships.catalog`; per state, built once. */
const withCatalogCache = new WeakMap();

/**
 * @param {LibraryCatalogState} state
 * @param {import('./library.js').Resource} item
 */
function catalogTwinResource(state, item) {
  const twin = state.catalog.twinOf.get(item.id);
  if (!twin) return undefined;
  if ('tracks' in twin) return state.catalogResources.album(twin, state.storefront, false);
  return state.catalogResources.song(twin, state.storefront);
}

/**
 * @param {LibraryCatalogState} state
 * @param {import('./library.js').Resource} item
 */
function withCatalog(state, item) {
  let cache = withCatalogCache.get(state.catalog);
  if (!cache) withCatalogCache.set(state.catalog, (cache = new Map()));
  let result = cache.get(item.id);
  if (!result) {
    const twin = catalogTwinResource(state, item);
    result = { ...item, relationships: { catalog: { href: `${item.href}/catalog`, data: twin ? [twin] : [] } } };
    cache.set(item.id, result);
  }
  return result;
}

/**
 * Answers the routes above and returns true, or returns false for api.js to answer.
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {LibraryCatalogState} state
 * @param {import('./faults.js').FaultBody} [fault] a page fault for lists (see faults.js)
 */
export function handleLibraryCatalog(res, url, state, fault) {
  const path = url.pathname.replace(/\/+$/, '');
  const match = /^\/v1\/me\/library\/([a-z-]+)(?:\/([^/]+))?(?:\/([a-z-]+))?$/.exec(path);
  if (!match || !TYPES_WITH_TWINS.has(match[1])) return false;
  const [, type, rawId, relationship] = match;
  const includeCatalog = (url.searchParams.get('include') ?? '').split(',').some((name) => name.trim() === 'catalog');
  const decorate = (/** @type {import('./library.js').Resource} */ item) => (includeCatalog ? withCatalog(state, item) : item);

  if (!rawId) {
    if (!includeCatalog) return false;
    sendPage(res, url, state.library.lists[type].map(decorate), undefined, fault);
    return true;
  }
  const id = decodeURIComponent(rawId);
  const item = state.library.byId.get(`${type}/${id}`);
  if (!relationship) {
    if (!includeCatalog || !item) return false;
    sendJson(res, 200, { data: [decorate(item)] });
    return true;
  }
  if (!item) {
    sendAppleError(res, 404, 'No library resource with this id');
    return true;
  }
  if (relationship === 'catalog') {
    // An upload has no catalog twin: an empty list, as in `include=catalog`.
    const twin = catalogTwinResource(state, item);
    sendJson(res, 200, { data: twin ? [twin] : [] });
    return true;
  }
  const tracks =
    relationship === 'tracks' &&
    (type === 'albums' ? state.catalog.albumSongs : type === 'playlists' ? state.catalog.playlistSongs : undefined);
  if (!tracks) {
    sendAppleError(res, 404, `No relationship '${relationship}' on library ${type}`);
    return true;
  }
  sendPage(res, url, (tracks.get(id) ?? []).map(decorate), undefined, fault);
  return true;
}
