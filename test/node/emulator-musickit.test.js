// @ts-check
// The emulator as a stand-in for any MusicKit JS app: these tests make the requests Apple's
// MusicKit JS v3 (2026 build) makes, with its header names, credentials and logout call.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './helpers.js';

const PAGE = 'http://localhost:5173';

describe('emulator as MusicKit JS’s Apple', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let t;
  before(async () => {
    t = await start();
  });
  after(() => t.emulator.close());
  beforeEach(() => t.post('/_emulator/reset'));

  /** MusicKit's API request: `Media-User-Token`, never `Music-User-Token`. */
  const musicKitGet = (/** @type {string} */ path, token = t.userToken) =>
    fetch(new URL(path, t.origin), {
      headers: { Authorization: `Bearer ${t.developerToken}`, 'Media-User-Token': token, Origin: PAGE },
    });

  /** MusicKit's sign-out: POST with Bearer, Media-User-Token, Accept and the browser's cookies. */
  const musicKitLogout = (/** @type {string} */ token, path = '/account/web/logout') =>
    fetch(new URL(path, t.origin), {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.developerToken}`, 'Media-User-Token': token, Accept: 'application/json', Origin: PAGE },
    });

  test('GET /v1/me/storefront accepts MusicKit’s Media-User-Token', async () => {
    const response = await musicKitGet('/v1/me/storefront');
    assert.equal(response.status, 200);
    assert.equal((await response.json()).data[0].id, 'us');
  });

  test('library lists accept Media-User-Token too, and still refuse a revoked one', async () => {
    assert.equal((await musicKitGet('/v1/me/library/albums?limit=5')).status, 200);
    await t.post('/_emulator/revoke', { token: t.userToken });
    assert.equal((await musicKitGet('/v1/me/library/albums?limit=5')).status, 403);
    assert.equal((await musicKitGet('/v1/me/storefront', 'Anever-issued')).status, 403);
  });

  test('GET /v1/me/account answers the account with its subscription when asked', async () => {
    const response = await musicKitGet('/v1/me/account?meta=subscription&challenge%5BsubscriptionCapabilities%5D=voice%2Cpremium');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      data: [{ id: 'me', type: 'accounts', href: '/v1/me/account', attributes: { restrictions: {} } }],
      meta: { challenge: { subscriptionCapabilities: ['voice', 'premium'] }, subscription: { active: true, storefront: 'us' } },
    });
    const plain = await (await musicKitGet('/v1/me/account')).json();
    assert.equal(plain.meta, undefined);
    assert.equal((await musicKitGet('/v1/me/account', 'Anever-issued')).status, 403);
  });

  test('the logout preflight allows MusicKit’s credentialed call from a local page', async () => {
    const response = await fetch(new URL('/account/web/logout', t.origin), {
      method: 'OPTIONS',
      headers: {
        Origin: PAGE,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,media-user-token',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const name of ['authorization', 'media-user-token']) assert.ok(allowed.split(/\s*,\s*/).includes(name), name);
  });

  test('MusicKit’s logout call revokes its token and answers with credentials allowed', async () => {
    const token = await t.issue(undefined);
    assert.equal((await musicKitGet('/v1/me/storefront', token)).status, 200);
    const response = await musicKitLogout(token);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.equal((await musicKitGet('/v1/me/storefront', token)).status, 403);
  });

  test('the older builds’ webPlayerLogout still works, with their X-Apple-Music-User-Token', async () => {
    const token = await t.issue(undefined);
    const response = await fetch(new URL('/WebObjects/MZPlay.woa/wa/webPlayerLogout', t.origin), {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.developerToken}`, 'X-Apple-Music-User-Token': token },
    });
    assert.equal(response.status, 200);
    assert.equal((await musicKitGet('/v1/me/storefront', token)).status, 403);
  });

  test('a foreign page gets neither CORS nor credentials', async () => {
    const preflight = await fetch(new URL('/account/web/logout', t.origin), {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'media-user-token',
      },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
  });

  test('control endpoints never allow credentials', async () => {
    const response = await fetch(new URL('/_emulator/faults', t.origin), { headers: { Origin: PAGE } });
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  test('Apple’s own authorize page, routed to the emulator, may issue tokens; other sites may not', async () => {
    const issue = (/** @type {string} */ origin) =>
      fetch(new URL('/woa/issue', t.origin), {
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/json' },
        body: '{}',
      });
    const apple = await issue('https://authorize.music.apple.com');
    assert.equal(apple.status, 200);
    assert.equal((await musicKitGet('/v1/me/storefront', (await apple.json()).musicUserToken)).status, 200);
    assert.equal((await issue('https://music.apple.com.evil.example')).status, 403);
    const control = await fetch(new URL('/_emulator/issue', t.origin), {
      method: 'POST',
      headers: { Origin: 'https://authorize.music.apple.com' },
      body: '{}',
    });
    assert.equal(control.status, 403);
  });
});
