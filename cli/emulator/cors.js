// @ts-check
// CORS for local origins only: the emulator stands in for api.music.apple.com during local
// development and tests, so any page on this machine may call it, and nothing else may.

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const ALLOWED_HEADERS = [
  'Authorization',
  'Music-User-Token',
  'X-Apple-Music-User-Token',
  'Media-User-Token',
  'Content-Type',
].join(', ');

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
 */
export function applyCors(req, res) {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  const allowed = isLocalOrigin(origin);
  if (allowed && origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
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
