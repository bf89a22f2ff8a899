// @ts-check
// The Apple Music API routes (docs/protocol.md, "The API: headers, paging, errors"): storefront and library lists with Apple's paging.
import { sendJson, sendAppleError } from './http.js';

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;
/** Recently Added pages are smaller: Apple's documentation pages them by 10, at most 25. */
export const RECENTLY_ADDED_LIMITS = { defaultLimit: 10, maxLimit: 25 };

const STOREFRONT_NAMES = /** @type {Record<string, string>} */ ({
  us: 'United States',
  gb: 'United Kingdom',
  de: 'Germany',
  fr: 'France',
  jp: 'Japan',
  ca: 'Canada',
  au: 'Australia',
});

/** @param {string} id */
export function storefrontResource(id) {
  return {
    id,
    type: 'storefronts',
    href: `/v1/storefronts/${id}`,
    attributes: {
      name: STOREFRONT_NAMES[id] ?? id.toUpperCase(),
      defaultLanguageTag: id === 'us' ? 'en-US' : 'en-GB',
      supportedLanguageTags: ['en-US', 'en-GB'],
      explicitContentPolicy: 'allowed',
    },
  };
}

/**
 * `/v1/me/account`, which MusicKit JS asks (with `meta=subscription`) to learn whether the user
 * subscribes. Apple does not document it; this is the shape public clients report:
 * `data: [{id: 'me', type: 'accounts', href, attributes: {restrictions: {}}}]`, plus
 * `meta.subscription: {active, storefront}` when `meta` asks for `subscription`, and
 * `meta.challenge` echoing `challenge[subscriptionCapabilities]`.
 * @param {URL} url
 * @param {string} storefront
 */
export function accountResponse(url, storefront) {
  /** @type {Record<string, unknown>} */
  const meta = {};
  const capabilities = (url.searchParams.get('challenge[subscriptionCapabilities]') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (capabilities.length) meta.challenge = { subscriptionCapabilities: capabilities };
  const asked = (url.searchParams.get('meta') ?? '').split(',').map((m) => m.trim());
  // The emulated user always subscribes: the popup's "Unavailable" button stands for one who does not.
  if (asked.includes('subscription')) meta.subscription = { active: true, storefront };
  return {
    data: [{ id: 'me', type: 'accounts', href: '/v1/me/account', attributes: { restrictions: {} } }],
    ...(Object.keys(meta).length ? { meta } : {}),
  };
}

/**
 * Parses a non-negative integer query value; returns NaN when malformed.
 * @param {string | null} value
 * @param {number} fallback
 */
function integer(value, fallback) {
  if (value === null) return fallback;
  return /^\d{1,9}$/.test(value) ? Number(value) : NaN;
}

/**
 * Answers one page of a list. `next` is root-relative and carries only the offset, as in
 * Apple's documentation: a client that asked for a `limit` must put it back itself.
 * `fault` breaks the page on purpose (see faults.js).
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {readonly unknown[]} items
 * @param {{defaultLimit: number, maxLimit: number}} [limits]
 * @param {import('./faults.js').FaultBody} [fault]
 */
export function sendPage(res, url, items, { defaultLimit, maxLimit } = { defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_LIMIT }, fault) {
  const limit = integer(url.searchParams.get('limit'), defaultLimit);
  if (!(limit >= 1 && limit <= maxLimit)) {
    return sendAppleError(res, 400, `Value must be an integer between 1 and ${maxLimit}`, 'limit');
  }
  const offset = integer(url.searchParams.get('offset'), 0);
  if (!(offset >= 0)) return sendAppleError(res, 400, 'Value must be a non-negative integer', 'offset');
  const empty = fault === 'empty-page';
  const next = empty || offset + limit < items.length ? `"next":${JSON.stringify(`${url.pathname}?offset=${offset + limit}`)},` : '';
  const data = empty ? [] : items.slice(offset, offset + limit).map(serialized);
  // Not resources: what a broken proxy or API bug might put in a page.
  if (fault === 'null-entries') data.splice(1, 0, 'null', '7', '"text"', '[]');
  sendRawJson(res, `{${next}"data":[${data.join(',')}],"meta":{"total":${items.length}}}`);
}

/** Each resource is serialized once: pages are then string joins, which keeps them fast. */
const cache = new WeakMap();
/** @param {any} item */
function serialized(item) {
  let json = cache.get(item);
  if (json === undefined) cache.set(item, (json = JSON.stringify(item)));
  return json;
}

/** @param {import('node:http').ServerResponse} res @param {string} text */
function sendRawJson(res, text) {
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/**
 * Routes `/v1/me/...` once the tokens have been checked.
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {{library: ReturnType<typeof import('./library.js').createLibrary>, storefront: string}} state
 * @param {import('./faults.js').FaultBody} [fault] a page fault for list routes
 */
export function handleMe(res, url, state, fault) {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/v1/me/storefront') return sendJson(res, 200, { data: [storefrontResource(state.storefront)] });
  if (path === '/v1/me/account') return sendJson(res, 200, accountResponse(url, state.storefront));
  const match = /^\/v1\/me\/library\/([a-z-]+)(?:\/([^/]+))?$/.exec(path);
  const list = match ? state.library.lists[match[1]] : undefined;
  if (!match || !list) return sendAppleError(res, 404, `No resource at ${url.pathname}`);
  if (!match[2]) return sendPage(res, url, list, match[1] === 'recently-added' ? RECENTLY_ADDED_LIMITS : undefined, fault);
  const item = state.library.byId.get(`${match[1]}/${decodeURIComponent(match[2])}`);
  if (!item) return sendAppleError(res, 404, 'No library resource with this id');
  sendJson(res, 200, { data: [item] });
}
