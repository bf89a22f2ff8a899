// @ts-check
// Small response helpers shared by the emulator's routes (no framework on purpose: the
// emulator ships inside the package and must start instantly with zero dependencies).
import { randomUUID } from 'node:crypto';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/** Titles and codes Apple uses for each status (docs/protocol.md: `status` and `code` are strings). */
const APPLE_ERRORS = /** @type {Record<number, [string, string]>} */ ({
  400: ['Invalid Parameter Value', '40005'],
  401: ['Unauthenticated', '40100'],
  403: ['Forbidden', '40300'],
  404: ['Resource Not Found', '40400'],
  405: ['Method Not Allowed', '40500'],
  429: ['API Capacity Exceeded', '42900'],
  500: ['Internal Server Error', '50000'],
  503: ['Service Unavailable', '50300'],
});

/**
 * Apple's error body: `{"errors":[{id,title,detail,status,code,source?}]}`.
 * @param {number} status
 * @param {string} detail
 * @param {string} [parameter] the query parameter at fault, as Apple's `source.parameter`
 */
export function appleErrorBody(status, detail, parameter) {
  const [title, code] = APPLE_ERRORS[status] ?? [`HTTP ${status}`, `${status}00`];
  /** @type {Record<string, unknown>} */
  const error = { id: randomUUID().toUpperCase(), title, detail, status: String(status), code };
  if (parameter) error.source = { parameter };
  return { errors: [error] };
}

/**
 * @param {Res} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/**
 * @param {Res} res
 * @param {number} status
 * @param {string} detail
 * @param {string} [parameter]
 * @param {Record<string, string>} [headers]
 */
export function sendAppleError(res, status, detail, parameter, headers) {
  sendJson(res, status, appleErrorBody(status, detail, parameter), headers);
}

/**
 * @param {Res} res
 * @param {number} status
 * @param {string} html
 * @param {Record<string, string>} [headers]
 */
export function sendHtml(res, status, html, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(html);
}

/**
 * Reads a small JSON request body. Resolves `undefined` for an empty body; rejects on
 * malformed JSON or bodies over `max` bytes (control requests are tiny).
 * @param {Req} req
 * @param {number} [max]
 * @returns {Promise<any>}
 */
export function readJson(req, max = 64 * 1024) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let length = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      length += chunk.length;
      if (length > max) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (!text) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error('request body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** @param {string} text */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
