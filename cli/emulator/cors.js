// @ts-check
// CORS for local origins only: the emulator stands in for api.music.apple.com during local
// development and tests, so any page on this machine may call it, and nothing else may.
// Apple's endpoints also allow credentials, because MusicKit JS signs out with the browser's
// cookies (`credentials: 'include'`), which a browser sends only to an origin that allows them.

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const ALLOWED_HEADERS = [
  'Authorization',
  'Music-User-Token',
  'X-Apple-Music-User-Token',
  'Media-User-Token',
  'Accept',
  'Content-Type',
].join(', ');

/** A comma-separated list of plain header names, as a preflight's Access-Control-Request-Headers. */
const HEADER_LIST = /^[A-Za-z0-9-]+(?:[ \t]*,[ \t]*[A-Za-z0-9-]+)*$/;

/** @param {string | undefined} origin */
export function isLocalOrigin(origin) {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Adds CORS headers for a local Origin. Returns true when the request was a preflight and has
 * been answered (the caller must stop there).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{credentials?: boolean}} [options] `credentials`: allow credentialed calls (Apple's endpoints)
 */
export function applyCors(req, res, { credentials = false } = {}) {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  const allowed = isLocalOrigin(origin);
  if (allowed && origin) {
    // Always the echoed origin, never '*': browsers refuse '*' for credentialed calls.
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    if (credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
    // Builds of MusicKit JS may add headers of their own: a local page gets the ones it asks for.
    const asked = String(req.headers['access-control-request-headers'] ?? '');
    res.setHeader('Access-Control-Allow-Headers', HEADER_LIST.test(asked) ? `${ALLOWED_HEADERS}, ${asked}` : ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    // Chromium's Private Network Access asks before a public page reaches 127.0.0.1.
    if (req.headers['access-control-request-private-network'] === 'true') {
      res.setHeader('Access-Control-Allow-Private-Network', 'true');
    }
  }
  res.writeHead(allowed ? 204 : 403, { 'Content-Length': '0' });
  res.end();
  return true;
}
