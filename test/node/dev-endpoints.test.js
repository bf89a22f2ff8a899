// @ts-check
// appleMusicDevEndpoints(): the dev-server middleware the framework examples use for
// /config.json and /developer-token (cli/emulator/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { appleMusicDevEndpoints } from '../../cli/emulator/index.js';

/**
 * Serves `endpoints.middleware` (everything else: 404 "next"); resolves to a GET helper and close().
 * @param {ReturnType<typeof appleMusicDevEndpoints>} endpoints
 */
async function serve(endpoints) {
  const server = createServer((request, response) => endpoints.middleware(request, response, () => response.writeHead(404).end('next')));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    get: (/** @type {string} */ path) => fetch(`http://127.0.0.1:${port}${path}`),
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await endpoints.close();
    },
  };
}

test('without a developer token: an emulator of its own, and a token that emulator accepts', async () => {
  const app = await serve(appleMusicDevEndpoints({ developerToken: '' }));
  try {
    const config = await (await app.get('/config.json?x=1')).json();
    assert.match(config.apiUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(config.authorizeUrl, `${config.apiUrl}/woa`);
    assert.equal(config.logoutUrl, `${config.apiUrl}/account/web/logout`);
    assert.equal(config.developerTokenUrl, '/developer-token');
    const answer = await app.get('/developer-token');
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    const { token } = await answer.json();
    const catalog = await fetch(`${config.apiUrl}/v1/catalog/us/songs?ids=1`, { headers: { Authorization: `Bearer ${token}` } });
    const refused = await fetch(`${config.apiUrl}/v1/catalog/us/songs?ids=1`, { headers: { Authorization: 'Bearer not.a.token' } });
    assert.equal(refused.status, 401, 'the emulator checks tokens');
    assert.notEqual(catalog.status, 401, 'and accepts this one');
    assert.equal((await app.get('/other')).status, 404, 'other paths go on to next()');
  } finally {
    await app.close();
  }
});

test('with a developer token: Apple’s endpoints and that token, trimmed; no emulator started', async () => {
  let started = 0;
  const start = async () => {
    started++;
    throw new Error('not expected');
  };
  const app = await serve(appleMusicDevEndpoints({ developerToken: ' eyJ.token.sig\n', start }));
  try {
    assert.deepEqual(await (await app.get('/config.json')).json(), {
      authorizeUrl: 'https://authorize.music.apple.com/woa',
      apiUrl: 'https://api.music.apple.com',
      logoutUrl: 'https://buy.itunes.apple.com/account/web/logout',
      developerTokenUrl: '/developer-token',
    });
    assert.deepEqual(await (await app.get('/developer-token')).json(), { token: 'eyJ.token.sig' });
    assert.equal(started, 0);
  } finally {
    await app.close();
  }
});

test('an emulator that cannot start: both answer 503 with the reason instead of waiting for good', async () => {
  const start = async () => {
    throw new Error('port in use');
  };
  const app = await serve(appleMusicDevEndpoints({ developerToken: '', start }));
  try {
    for (const path of ['/config.json', '/developer-token']) {
      const response = await app.get(path);
      assert.equal(response.status, 503);
      assert.match(await response.text(), /emulator could not start: port in use/);
    }
  } finally {
    await app.close();
  }
});
