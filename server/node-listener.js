// @ts-check
// Adapts a WHATWG fetch handler to node:http's (req, res) listener, which Express accepts too.
// Written against the shapes, not node:* imports, so importing am-elements/server stays
// possible on runtimes without Node's modules.

/** Methods a WHATWG Request cannot carry. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * @param {import('./index.js').FetchHandler} handler
 * @returns {import('./index.js').NodeListener}
 */
export function toNodeListener(handler) {
  if (typeof handler !== 'function') throw new TypeError('toNodeListener needs a (request: Request) => Promise<Response> function.');
  return (req, res) => {
    respond(handler, req, res).catch((error) => {
      console.error(`am-elements/server: the response could not be sent: ${error?.message ?? error}`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}

/**
 * @param {import('./index.js').FetchHandler} handler
 * @param {import('./index.js').NodeRequestLike} req
 * @param {import('./index.js').NodeResponseLike} res
 */
async function respond(handler, req, res) {
  const method = (req.method ?? 'GET').toUpperCase();
  if (FORBIDDEN_METHODS.has(method)) {
    res.statusCode = 501;
    res.end();
    return;
  }
  let response;
  try {
    response = await handler(toRequest(req, method));
  } catch (error) {
    console.error(`am-elements/server: the handler failed: ${/** @type {Error} */ (error)?.message ?? error}`);
    res.statusCode = 500;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end('{"error":"Internal error"}');
    return;
  }
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length) res.setHeader('set-cookie', cookies);
  if (!response.body || method === 'HEAD') {
    res.end();
    return;
  }
  for await (const chunk of /** @type {AsyncIterable<Uint8Array>} */ (/** @type {unknown} */ (response.body))) res.write(chunk);
  res.end();
}

/**
 * @param {import('./index.js').NodeRequestLike} req
 * @param {string} method
 */
function toRequest(req, method) {
  const path = req.originalUrl ?? req.url ?? '/';
  const scheme = /** @type {{encrypted?: boolean} | undefined} */ (req.socket)?.encrypted ? 'https' : 'http';
  let url;
  try {
    url = new URL(path, `${scheme}://${req.headers.host ?? 'localhost'}`);
  } catch {
    url = new URL(path.startsWith('/') ? path : '/', 'http://localhost');
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue; // HTTP/2 pseudo-headers
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  /** @type {RequestInit & {duplex?: 'half'}} */
  const init = { method, headers };
  if (method !== 'GET' && method !== 'HEAD' && typeof req[Symbol.asyncIterator] === 'function') {
    init.body = streamOf(req[Symbol.asyncIterator]());
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/** @param {AsyncIterator<Uint8Array | string>} iterator */
function streamOf(iterator) {
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === 'string' ? new TextEncoder().encode(value) : value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
