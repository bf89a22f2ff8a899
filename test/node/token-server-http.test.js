// @ts-check
// The token server over real HTTP: toNodeListener under node:http, and the CLI's
// `developer-token serve` and `developer-token inspect`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { jwtVerify } from 'jose';
import { createDeveloperTokenHandler, createDeveloperToken, toNodeListener } from '../../server/index.js';
import { TEAM, KID, privateKey, publicKey, wrongKeys } from './keys.js';

const CLI = fileURLToPath(new URL('../../cli/am-elements.js', import.meta.url));
const verify = (/** @type {string} */ token) => jwtVerify(token, publicKey, { algorithms: ['ES256'], issuer: TEAM });

/** Serves a listener on a free port; returns its origin and a close(). */
async function listen(/** @type {import('node:http').RequestListener} */ listener) {
  const server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('toNodeListener over node:http', () => {
  /** @type {{origin: string, close: () => Promise<unknown>}} */
  let site;
  before(async () => {
    site = await listen(
      toNodeListener(createDeveloperTokenHandler({ teamId: TEAM, keyId: KID, privateKey, origins: ['https://app.example'] })),
    );
  });
  after(() => site.close());

  test('GET: 200, {"token"} that verifies, the handler\'s headers', async () => {
    const response = await fetch(`${site.origin}/developer-token`, { headers: { Origin: 'https://app.example' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://app.example');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=3600');
    const { payload } = await verify((await response.json()).token);
    assert.deepEqual(payload.origin, ['https://app.example']);
  });

  test('HEAD: headers only; POST with a body: 405 with Allow; preflight: 204', async () => {
    const head = await fetch(site.origin, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const post = await fetch(site.origin, { method: 'POST', body: 'x'.repeat(100_000) });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD, OPTIONS');
    const preflight = await fetch(site.origin, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET, HEAD');
  });

  test('a method a WHATWG Request cannot carry (TRACE): 501, not a crash', async () => {
    const status = await new Promise((resolve, reject) => {
      const req = httpRequest(`${site.origin}/`, { method: 'TRACE' }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject).end();
    });
    assert.equal(status, 501);
    assert.equal((await fetch(site.origin)).status, 200, 'still serving');
  });

  test('passes the URL, headers and body of any handler; a throwing handler answers 500', async (t) => {
    t.mock.method(console, 'error', () => {});
    const echo = await listen(
      toNodeListener(async (request) => {
        if (request.headers.get('x-fail')) throw new Error('boom');
        const body = request.method === 'POST' ? await request.text() : '';
        return new Response(JSON.stringify({ url: request.url, method: request.method, accept: request.headers.get('accept'), body }), {
          status: 201,
          headers: [
            ['set-cookie', 'a=1'],
            ['set-cookie', 'b=2'],
          ],
        });
      }),
    );
    try {
      const response = await fetch(`${echo.origin}/a/b?c=d`, { method: 'POST', body: 'hello', headers: { Accept: 'text/x-test' } });
      assert.equal(response.status, 201);
      assert.deepEqual(response.headers.getSetCookie(), ['a=1', 'b=2']);
      assert.deepEqual(await response.json(), { url: `${echo.origin}/a/b?c=d`, method: 'POST', accept: 'text/x-test', body: 'hello' });
      const failed = await fetch(echo.origin, { headers: { 'x-fail': '1' } });
      assert.equal(failed.status, 500);
      assert.deepEqual(await failed.json(), { error: 'Internal error' });
    } finally {
      await echo.close();
    }
  });
});

describe('CLI: developer-token serve and inspect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'am-elements-serve-'));
  const keyFile = join(dir, `AuthKey_${KID}.p8`);
  writeFileSync(keyFile, privateKey);
  after(() => rmSync(dir, { recursive: true, force: true }));
  const run = (/** @type {string[]} */ args, /** @type {string} */ input = '') =>
    spawnSync(process.execPath, [CLI, 'developer-token', ...args], { encoding: 'utf8', input });
  const signing = ['--team-id', TEAM, '--key-id', KID, '--key', keyFile];

  /** Starts `serve`, resolves with the URL it prints once it listens. */
  async function serve(/** @type {string[]} */ args) {
    const child = spawn(process.execPath, [CLI, 'developer-token', 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /developer-token-url="([^"]+)"/.exec(output);
        if (match) resolve(match[1]);
      });
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
    const stop = async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    };
    return { url: /** @type {string} */ (url), output: () => output, stop, child };
  }

  test('serve prints the URL for developer-token-url and answers there, with CORS for --origin', async () => {
    const server = await serve([...signing, '--origin', 'http://localhost:8000']);
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/developer-token$/);
      const response = await fetch(server.url, { headers: { Origin: 'http://localhost:8000' } });
      assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:8000');
      const { payload } = await verify((await response.json()).token);
      assert.deepEqual(payload.origin, ['http://localhost:8000']);
      assert.equal(/** @type {number} */ (payload.exp) - /** @type {number} */ (payload.iat), 180 * 86_400);
      assert.equal((await fetch(new URL('/other', server.url))).status, 404);
      assert.doesNotMatch(server.output(), /No --origin/);
      assert.ok(!server.output().includes(privateKey.split('\n')[1]), 'never prints the key');
    } finally {
      await server.stop();
    }
    assert.equal(server.child.exitCode, 0, 'stops cleanly on SIGTERM');
  });

  test('serve without --origin says why other origins cannot read the token', async () => {
    const server = await serve(signing);
    try {
      assert.match(server.output(), /No --origin given/);
    } finally {
      await server.stop();
    }
  });

  test('serve refuses a bad key, a bad port and missing options before listening (exit 2)', () => {
    const p384 = join(dir, 'p384.p8');
    writeFileSync(p384, /** @type {string} */ (wrongKeys()['P-384 key'][0]));
    for (const [args, message] of /** @type {[string[], RegExp][]} */ ([
      [['serve', '--team-id', TEAM, '--key-id', KID, '--key', p384], /P-256/],
      [['serve', ...signing, '--port', '70000'], /--port must be an integer/],
      [['serve', ...signing, '--renew-before', '200d'], /renewBefore .* shorter than/],
      [['serve', '--team-id', TEAM], /Missing --key-id, --key/],
    ])) {
      const result = run(args);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    }
  });

  test('inspect: team, key, issued, expiry, days left, origins; from an argument, stdin or a URL', async () => {
    const now = Date.now();
    const token = await createDeveloperToken({
      teamId: TEAM,
      keyId: KID,
      privateKey,
      origins: ['https://example.com'],
      expiresIn: '30d',
      now,
    });
    const expected = [
      `Team:      ${TEAM}`,
      `Key id:    ${KID}`,
      'Algorithm: ES256',
      `Issued:    ${new Date(Math.floor(now / 1000) * 1000).toISOString()}`,
      `Expires:   ${new Date((Math.floor(now / 1000) + 30 * 86_400) * 1000).toISOString()}`,
    ];
    for (const result of [run(['inspect', token]), run(['inspect', '-'], `${token}\n`)]) {
      assert.equal(result.status, 0, result.stderr);
      const lines = result.stdout.trim().split('\n');
      assert.deepEqual(lines.slice(0, 5), expected);
      assert.match(lines[5], /^Days left: (29\.9|30\.0)$/);
      assert.equal(lines[6], 'Origins:   https://example.com');
    }
    const server = await serve(signing);
    try {
      const fromUrl = spawnSync(process.execPath, [CLI, 'developer-token', 'inspect', server.url], { encoding: 'utf8' });
      assert.equal(fromUrl.status, 0, fromUrl.stderr);
      assert.match(fromUrl.stdout, /Days left: 180\.0\nOrigins: {3}\(any: no origin claim\)/);
    } finally {
      await server.stop();
    }
  });

  test('inspect: exit 1 for an expired token; exit 2 with a clear message for a malformed one', async () => {
    const expired = await createDeveloperToken({ teamId: TEAM, keyId: KID, privateKey, expiresIn: '1d', now: Date.UTC(2020, 0, 1) });
    const result = run(['inspect', expired]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /Expires: {3}2020-01-02T00:00:00\.000Z\nDays left: expired \d+\.\d days ago/);
    assert.match(result.stderr, /has expired/);
    const part = (/** @type {unknown} */ value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const [input, message] of [
      ['hello', /not a JWT/],
      ['a.b.c', /does not decode/],
      [`${part({ alg: 'ES256' })}.${part({ exp: 1 })}.sig`, /needs "iss"/],
    ]) {
      const malformed = run(['inspect', /** @type {string} */ (input)]);
      assert.equal(malformed.status, 2, malformed.stderr);
      assert.match(malformed.stderr, /** @type {RegExp} */ (message));
    }
    assert.equal(run(['inspect']).status, 2);
  });
});
