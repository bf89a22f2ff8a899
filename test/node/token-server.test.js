// @ts-check
// am-elements/server's handler, with an injected clock: what it signs, when it renews, what it
// tells caches and browsers, and what it refuses.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { jwtVerify } from 'jose';
import * as server from '../../server/index.js';
import * as handlerModule from '../../server/handler.js';
import * as listenerModule from '../../server/node-listener.js';
import * as signModule from '../../server/sign.js';
import { TEAM, KID, privateKey, publicKey, unusableKey, wrongKeys } from './keys.js';

const { createDeveloperTokenHandler, DeveloperTokenOptionsError } = server;
const DAY = 86_400_000;
const START = Date.UTC(2027, 0, 1);
const URL_ = 'https://example.com/developer-token';

/** A handler on a clock the test moves. */
function clocked(/** @type {Partial<import('../../server/index.js').DeveloperTokenHandlerOptions>} */ options = {}) {
  const clock = { now: START };
  const handler = createDeveloperTokenHandler({ teamId: TEAM, keyId: KID, privateKey, now: () => clock.now, ...options });
  return { clock, handler };
}

const get = (/** @type {import('../../server/index.js').DeveloperTokenHandler} */ handler, /** @type {RequestInit} */ init = {}) =>
  handler(new Request(URL_, init));
const tokenOf = async (/** @type {Response} */ response) => /** @type {string} */ ((await response.json()).token);
const verify = (/** @type {string} */ token, /** @type {number} */ at) =>
  jwtVerify(token, publicKey, { algorithms: ['ES256'], issuer: TEAM, currentDate: new Date(at) });
const maxAge = (/** @type {Response} */ response) => Number(/max-age=(\d+)/.exec(response.headers.get('Cache-Control') ?? '')?.[1] ?? 0);

test('the implementation matches the published types (index.d.ts), export for export', () => {
  // The type check (npm run typecheck) fails here when the JavaScript drifts from index.d.ts.
  /** @type {typeof import('../../server/index.js')} */
  const declared = {
    createDeveloperTokenHandler: handlerModule.createDeveloperTokenHandler,
    toNodeListener: listenerModule.toNodeListener,
    createDeveloperToken: signModule.createDeveloperToken,
    DeveloperTokenOptionsError: signModule.DeveloperTokenOptionsError,
  };
  assert.deepEqual(Object.keys(server).sort(), Object.keys(declared).sort());
  for (const [name, value] of Object.entries(declared)) assert.equal(server[/** @type {keyof typeof server} */ (name)], value, name);
});

test('am-elements/server imports no node:* module, so Workers, Deno and Bun load it as it is', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = new URL('../../server/', import.meta.url);
  const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
  assert.ok(files.length >= 6);
  for (const file of files) {
    const imports = [
      ...readFileSync(new URL(file, dir), 'utf8').matchAll(
        /^(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm,
      ),
    ].map((match) => match[1] ?? match[2] ?? match[3]);
    assert.ok(imports.length > 0 || file === 'errors.js', file);
    assert.deepEqual(
      imports.filter((name) => !name.startsWith('./') && name !== 'jose'),
      [],
      file,
    );
  }
});

describe('createDeveloperTokenHandler: the token', () => {
  test('answers GET with {"token"}: an ES256 JWT that verifies with the public key', async () => {
    const { handler } = clocked({ origins: ['https://example.com', 'https://example.com/', 'http://localhost:8000'] });
    const response = await get(handler);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'application/json; charset=utf-8');
    const body = await response.json();
    assert.deepEqual(Object.keys(body), ['token']);
    const { payload, protectedHeader } = await verify(body.token, START);
    assert.deepEqual(protectedHeader, { alg: 'ES256', kid: KID });
    assert.deepEqual(payload, {
      iss: TEAM,
      iat: START / 1000,
      exp: START / 1000 + 180 * 86_400,
      origin: ['https://example.com', 'http://localhost:8000'],
    });
  });

  test('signs once and serves the same token while it is fresh', async () => {
    const { clock, handler } = clocked();
    const first = await tokenOf(await get(handler));
    clock.now += 100 * DAY;
    assert.equal(await tokenOf(await get(handler)), first);
  });

  test('renews exactly renewBefore ahead of expiry (default 7 days), and the new token verifies', async () => {
    const { clock, handler } = clocked({ expiresIn: '30d' });
    const first = await tokenOf(await get(handler));
    const renewAt = START + 23 * DAY;
    clock.now = renewAt - 1;
    assert.equal(await tokenOf(await get(handler)), first, 'a millisecond before the boundary: the same token');
    clock.now = renewAt;
    const second = await tokenOf(await get(handler));
    assert.notEqual(second, first, 'at the boundary: a new one');
    const { payload } = await verify(second, renewAt);
    assert.equal(payload.iat, renewAt / 1000);
    assert.equal(payload.exp, renewAt / 1000 + 30 * 86_400);
    clock.now = renewAt + 22 * DAY;
    assert.equal(await tokenOf(await get(handler)), second);
  });

  test('a custom renewBefore; a short lifetime renews at half of it by default', async () => {
    const custom = clocked({ expiresIn: '10d', renewBefore: '2d' });
    const a = await tokenOf(await get(custom.handler));
    custom.clock.now = START + 8 * DAY - 1;
    assert.equal(await tokenOf(await get(custom.handler)), a);
    custom.clock.now = START + 8 * DAY;
    assert.notEqual(await tokenOf(await get(custom.handler)), a);

    const short = clocked({ expiresIn: '12h' });
    const b = await tokenOf(await get(short.handler));
    short.clock.now = START + 6 * 3_600_000;
    assert.notEqual(await tokenOf(await get(short.handler)), b);
  });

  test('1,000 concurrent requests during a renewal share one signature, and every answer verifies', async () => {
    const { clock, handler } = clocked();
    const old = await tokenOf(await get(handler));
    clock.now = START + 173 * DAY; // the renewal point
    const responses = await Promise.all(Array.from({ length: 1000 }, () => get(handler)));
    const tokens = await Promise.all(responses.map(tokenOf));
    // ECDSA signatures are randomized: two signings would give two different tokens.
    assert.equal(new Set(tokens).size, 1, 'one signature');
    assert.notEqual(tokens[0], old);
    await Promise.all(tokens.map((token) => verify(token, clock.now)));
    assert.equal((await verify(tokens[0], clock.now)).payload.iat, clock.now / 1000);
  });

  test('the first 1,000 concurrent requests also share one signature', async () => {
    const { handler } = clocked();
    const tokens = await Promise.all(Array.from({ length: 1000 }, async () => tokenOf(await get(handler))));
    assert.equal(new Set(tokens).size, 1);
    await verify(tokens[0], START);
  });
});

describe('createDeveloperTokenHandler: caching', () => {
  test("Cache-Control never outlives the token's freshness (at most an hour)", async () => {
    const { clock, handler } = clocked({ expiresIn: '30d', renewBefore: '7d' });
    const renewAt = START + 23 * DAY;
    for (const at of [
      START,
      renewAt - 2 * 3_600_000,
      renewAt - 3_600_000,
      renewAt - 1_800_000,
      renewAt - 61_000,
      renewAt - 1001,
      renewAt - 999,
      renewAt - 1,
    ]) {
      clock.now = at;
      const response = await get(handler);
      const seconds = maxAge(response);
      assert.ok(seconds * 1000 <= renewAt - at, `at renewAt−${renewAt - at} ms: max-age ${seconds} s`);
      assert.ok(seconds <= 3600);
      assert.match(response.headers.get('Cache-Control') ?? '', seconds > 0 ? /^public, max-age=\d+$/ : /^no-cache$/);
    }
    clock.now = renewAt - 1_800_000;
    assert.equal(maxAge(await get(handler)), 1800);
    clock.now = START;
    assert.equal(maxAge(await get(handler)), 3600);
  });

  test('answers vary by Origin and are never sniffed', async () => {
    const { handler } = clocked();
    const response = await get(handler);
    assert.equal(response.headers.get('Vary'), 'Origin');
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
  });
});

describe('createDeveloperTokenHandler: methods and CORS', () => {
  test('HEAD: the same headers, no body', async () => {
    const { handler } = clocked();
    const response = await get(handler, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.body, null);
    assert.match(response.headers.get('Cache-Control') ?? '', /max-age=3600/);
  });

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
    test(`${method}: 405 with Allow, and no token`, async () => {
      const { handler } = clocked();
      const response = await get(handler, { method, body: method === 'DELETE' ? undefined : '{}' });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('Allow'), 'GET, HEAD, OPTIONS');
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
      assert.doesNotMatch(await response.text(), /eyJ/);
    });
  }

  test('CORS only for the configured origins', async () => {
    const { handler } = clocked({ origins: ['https://example.com', 'http://localhost:8000'] });
    for (const origin of ['https://example.com', 'http://localhost:8000']) {
      const response = await get(handler, { headers: { Origin: origin } });
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), origin);
    }
    for (const origin of ['https://evil.example', 'https://example.com.evil.example', 'http://example.com', 'null', '*']) {
      const response = await get(handler, { headers: { Origin: origin } });
      assert.equal(response.status, 200, 'the token is public: non-browser clients get it anyway');
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), null, origin);
    }
    const none = clocked();
    assert.equal(
      (await get(none.handler, { headers: { Origin: 'https://example.com' } })).headers.get('Access-Control-Allow-Origin'),
      null,
      'no origins: no CORS',
    );
  });

  test('OPTIONS preflights: allowed for the origins and GET/HEAD only', async () => {
    const { handler } = clocked({ origins: ['https://example.com'] });
    const preflight = (/** @type {string} */ origin, /** @type {string} */ method) =>
      get(handler, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': method } });
    const allowed = await preflight('https://example.com', 'GET');
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://example.com');
    assert.equal(allowed.headers.get('Access-Control-Allow-Methods'), 'GET, HEAD');
    assert.equal(allowed.headers.get('Access-Control-Max-Age'), '86400');
    assert.equal(allowed.headers.get('Vary'), 'Origin');
    for (const [origin, method] of [
      ['https://evil.example', 'GET'],
      ['https://example.com', 'POST'],
      ['https://example.com', 'DELETE'],
    ]) {
      const refused = await preflight(origin, method);
      assert.equal(refused.status, 204);
      assert.equal(refused.headers.get('Access-Control-Allow-Origin'), null, `${origin} ${method}`);
      assert.equal(refused.headers.get('Access-Control-Allow-Methods'), null);
    }
    const plain = await get(handler, { method: 'OPTIONS' });
    assert.equal(plain.status, 204);
    assert.equal(plain.headers.get('Allow'), 'GET, HEAD, OPTIONS');
  });
});

describe('createDeveloperTokenHandler: refusals', () => {
  const secretLine = privateKey.split('\n')[2];

  for (const [name, [key, message]] of Object.entries(wrongKeys())) {
    test(`refuses at creation: ${name}`, () => {
      assert.throws(
        () => createDeveloperTokenHandler({ teamId: TEAM, keyId: KID, privateKey: /** @type {any} */ (key) }),
        (/** @type {any} */ error) => {
          assert.ok(error instanceof DeveloperTokenOptionsError);
          assert.equal(error.code, 'invalid-key');
          assert.match(error.message, /** @type {RegExp} */ (message));
          assert.ok(!error.message.includes(secretLine) && !error.message.includes('PRIVATE KEY-----\n'), 'never echoes the key');
          return true;
        },
      );
    });
  }

  const base = { teamId: TEAM, keyId: KID, privateKey };
  /** @type {Record<string, [object, string, RegExp]>} */
  const options = {
    'lowercase team id': [{ ...base, teamId: 'abcde12345' }, 'invalid-team-id', /team id/],
    'short key id': [{ ...base, keyId: 'KEY1' }, 'invalid-key-id', /key id/],
    "a lifetime over Apple's limit": [{ ...base, expiresIn: '182d' }, 'invalid-lifetime', /too long/],
    'a lifetime that is not a duration': [{ ...base, expiresIn: '6 months' }, 'invalid-lifetime', /Invalid duration/],
    'renewBefore as long as the lifetime': [
      { ...base, expiresIn: '30d', renewBefore: '30d' },
      'invalid-lifetime',
      /renewBefore .* shorter than/,
    ],
    'a bad renewBefore': [{ ...base, renewBefore: 'soon' }, 'invalid-lifetime', /Invalid renewBefore "soon"/],
    'an origin with a path': [{ ...base, origins: ['https://example.com/app'] }, 'invalid-origin', /Invalid origin/],
    'origins as a string': [{ ...base, origins: 'https://example.com' }, 'invalid-origin', /array/],
  };
  for (const [name, [given, code, message]] of Object.entries(options)) {
    test(`refuses at creation: ${name}`, () => {
      assert.throws(
        () => createDeveloperTokenHandler(/** @type {any} */ (given)),
        (/** @type {any} */ error) => error.code === code && message.test(error.message),
      );
    });
  }
  test('refuses no options at all', () => {
    assert.throws(() => createDeveloperTokenHandler(/** @type {any} */ (undefined)), DeveloperTokenOptionsError);
  });

  test('accepts the key as bytes, or with literal \\n as environment variables store it', async () => {
    for (const key of [new TextEncoder().encode(privateKey), privateKey.replace(/\n/g, '\\n'), `  ${privateKey}\n\n`]) {
      const { handler } = clocked({ privateKey: key });
      await verify(await tokenOf(await get(handler)), START);
    }
  });

  test('a key WebCrypto refuses: 503 without the key, logged once per failed attempt, never the key', async (t) => {
    const errors = /** @type {string[]} */ ([]);
    t.mock.method(console, 'error', (/** @type {string} */ message) => errors.push(message));
    const { handler } = clocked({ privateKey: unusableKey() });
    const response = await get(handler);
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    assert.match(await response.text(), /could not be signed/);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /could not sign the developer token: The private key could not be imported/);
    assert.ok(!errors[0].includes('PRIVATE KEY') && !errors[0].includes(unusableKey().split('\n')[1].slice(0, 40)));
  });
});
