// @ts-check
// Library search (`/v1/me/library/search`) and the users without the generated library: one
// whose Sync Library is off (404 on every /v1/me/library/… path, as reported of Apple) and one
// whose library answers empty.
import { sendJson, sendAppleError } from './http.js';

/** Library search pages by 5 up to 25, as Apple's search does. */
export const LIBRARY_SEARCH_LIMITS = { defaultLimit: 5, maxLimit: 25 };

/** Search type → the library list it searches, and the attributes a term is matched against. */
const SEARCHABLE = /** @type {const} */ ({
  'library-songs': { list: 'songs', fields: ['name', 'artistName', 'albumName'] },
  'library-albums': { list: 'albums', fields: ['name', 'artistName'] },
  'library-playlists': { list: 'playlists', fields: ['name'] },
  'library-artists': { list: 'artists', fields: ['name'] },
  'library-music-videos': { list: 'music-videos', fields: ['name', 'artistName'] },
});
export const LIBRARY_SEARCH_TYPES = Object.keys(SEARCHABLE);

/**
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {string} parameter
 * @param {{defaultLimit: number, maxLimit: number}} limits `defaultLimit` is the value when absent
 * @returns {number | undefined} undefined once an error has been sent
 */
function integerParameter(res, url, parameter, { defaultLimit, maxLimit }) {
  const raw = url.searchParams.get(parameter);
  const value = raw === null ? defaultLimit : /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  const ok = parameter === 'limit' ? value >= 1 && value <= maxLimit : value >= 0;
  if (ok) return value;
  sendAppleError(
    res,
    400,
    parameter === 'limit' ? `Value must be an integer between 1 and ${maxLimit}` : 'Value must be a non-negative integer',
    parameter,
  );
  return undefined;
}

/**
 * `GET /v1/me/library/search?term=&types=&limit=&offset=`: every word of the term must appear
 * in one of the item's fields (case-insensitive). Results are grouped by type under
 * `results.<type>` (`{href, next?, data}`), types without matches are left out, and each
 * group's `next` carries `term`, its own type and the offset, not the limit.
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {Record<string, readonly unknown[]>} lists the library's lists (empty ones for an empty library)
 */
export function sendLibrarySearch(res, url, lists) {
  const term = (url.searchParams.get('term') ?? '').trim();
  if (!term) return sendAppleError(res, 400, 'Parameter term is required', 'term');
  const types = [
    ...new Set(
      (url.searchParams.get('types') ?? '')
        .split(',')
        .map((type) => type.trim())
        .filter(Boolean),
    ),
  ];
  if (!types.length) return sendAppleError(res, 400, 'Parameter types is required', 'types');
  const unknown = types.find((type) => !Object.hasOwn(SEARCHABLE, type));
  if (unknown) return sendAppleError(res, 400, `Unknown type '${unknown}'; use ${LIBRARY_SEARCH_TYPES.join(', ')}`, 'types');
  const limit = integerParameter(res, url, 'limit', LIBRARY_SEARCH_LIMITS);
  if (limit === undefined) return;
  const offset = integerParameter(res, url, 'offset', { ...LIBRARY_SEARCH_LIMITS, defaultLimit: 0 });
  if (offset === undefined) return;

  const words = term
    .toLowerCase()
    .split(/[\s+]+/)
    .filter(Boolean);
  /** @type {Record<string, unknown>} */
  const results = {};
  const order = [];
  for (const type of types) {
    const { list, fields } = SEARCHABLE[/** @type {keyof typeof SEARCHABLE} */ (type)];
    const found = (lists[list] ?? []).filter((item) => {
      const attributes = /** @type {Record<string, unknown>} */ (/** @type {any} */ (item).attributes ?? {});
      const text = fields
        .map((field) => String(attributes[field] ?? ''))
        .join('\n')
        .toLowerCase();
      return words.every((word) => text.includes(word));
    });
    const page = found.slice(offset, offset + limit);
    if (!page.length) continue;
    const at = (/** @type {number} */ from) =>
      `/v1/me/library/search?${new URLSearchParams({ ...(from ? { offset: String(from) } : {}), term, types: type })}`;
    /** @type {Record<string, unknown>} */
    const group = { href: at(offset), data: page };
    if (offset + limit < found.length) group.next = at(offset + limit);
    results[type] = group;
    order.push(type);
  }
  sendJson(res, 200, { results, meta: { results: { order, rawOrder: order } } });
}

const EMPTY_LISTS = { albums: [], songs: [], playlists: [], artists: [], 'music-videos': [], 'recently-added': [] };

/**
 * Answers `/v1/me/library/…` for a user without the generated library. `none`: 404 with
 * Apple's error body on every path. `empty`: lists, search and tracks come back empty; an id
 * is not found.
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {'none' | 'empty'} kind
 */
export function sendLibraryWithout(res, url, kind) {
  if (kind === 'none') return sendAppleError(res, 404, 'No cloud library for this user: Sync Library is off (emulated)');
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/v1/me/library/search') return sendLibrarySearch(res, url, EMPTY_LISTS);
  if (Object.hasOwn(EMPTY_LISTS, path.slice('/v1/me/library/'.length))) return sendJson(res, 200, { data: [], meta: { total: 0 } });
  sendAppleError(res, 404, 'No library resource with this id');
}
