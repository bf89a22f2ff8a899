// @ts-check
// Queued failures so tests can rehearse what Apple does on a bad day (rate limits, outages,
// broken proxies) without timing tricks: "the next N requests under this path fail like so".

/** @typedef {'json' | 'html' | 'malformed-json' | 'empty' | 'drop' | PageFault} FaultBody */
/**
 * Answers 200 with a broken page of a library list: `empty-page` has no items but a `next`
 * further on (forever, while the fault lasts); `null-entries` mixes `null`, a number, a string
 * and an array in with the real items.
 * @typedef {'empty-page' | 'null-entries'} PageFault
 */
/**
 * @typedef {object} Fault
 * @property {string} path prefix of the request path this fault applies to
 * @property {number} status HTTP status to answer with (200 for a page fault)
 * @property {number} count how many more requests it will fail
 * @property {number | string | null} [retryAfter] `Retry-After` value; null omits it on 429
 * @property {FaultBody} body what the body looks like
 */

const BODIES = new Set(['json', 'html', 'malformed-json', 'empty', 'drop', 'empty-page', 'null-entries']);
/** @type {ReadonlySet<unknown>} */
export const PAGE_FAULTS = new Set(['empty-page', 'null-entries']);

/**
 * Validates a fault as posted to `/_emulator/faults`. Throws a readable Error when invalid.
 * @param {any} input
 * @returns {Fault}
 */
export function parseFault(input) {
  if (!input || typeof input !== 'object') throw new Error('body must be a JSON object');
  const { path = '/', count = 1, retryAfter, body = 'json' } = input;
  const page = PAGE_FAULTS.has(body);
  const status = page ? (input.status ?? 200) : input.status;
  if (typeof path !== 'string' || !path.startsWith('/')) throw new Error('path must start with "/"');
  if (page ? status !== 200 : !Number.isInteger(status) || status < 400 || status > 599) {
    throw new Error(page ? `status must be 200 (or absent) for ${body}` : 'status must be an HTTP error status (400-599)');
  }
  if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
  if (retryAfter !== undefined && retryAfter !== null) {
    const ok = (typeof retryAfter === 'number' && retryAfter >= 0) || typeof retryAfter === 'string';
    if (!ok) throw new Error('retryAfter must be seconds (number) or an HTTP date (string)');
  }
  if (!BODIES.has(body)) throw new Error(`body must be one of ${[...BODIES].join(', ')}`);
  return { path, status, count, retryAfter, body };
}

export class FaultQueue {
  constructor() {
    /** @type {Fault[]} */
    this.faults = [];
  }

  /** @param {Fault} fault */
  add(fault) {
    this.faults.push(fault);
  }

  /**
   * Consumes one failure for this path, first queued first.
   * @param {string} path
   * @returns {Fault | undefined}
   */
  take(path) {
    const index = this.faults.findIndex((f) => path.startsWith(f.path));
    if (index < 0) return undefined;
    const fault = this.faults[index];
    fault.count -= 1;
    if (fault.count <= 0) this.faults.splice(index, 1);
    return fault;
  }

  clear() {
    this.faults.length = 0;
  }
}

/**
 * Keeps the last `max` API requests for tests to count. Never records token values: only
 * method, path, query, status and the calling origin.
 */
export class RequestLog {
  /** @param {number} [max] */
  constructor(max = 1000) {
    this.max = max;
    /** @type {{time: string, method: string, path: string, query: Record<string, string>, status: number, origin?: string}[]} */
    this.entries = [];
  }

  /** @param {RequestLog['entries'][number]} entry */
  add(entry) {
    this.entries.push(entry);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  clear() {
    this.entries.length = 0;
  }
}
