// @ts-check
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, fakeDeveloperToken } from './helpers.js';

/** @param {any} body @param {number} status */
function assertAppleError(body, status) {
  assert.ok(Array.isArray(body.errors) && body.errors.length === 1, 'Apple error body');
  const [error] = body.errors;
  assert.equal(error.status, String(status));
  assert.equal(typeof error.code, 'string');
  assert.match(error.code, new RegExp(`^${status}`));
  assert.equal(typeof error.id, 'string');
  assert.equal(typeof error.title, 'string');
  assert.equal(typeof error.detail, 'string');
}

describe('emulator API', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let t;
  before(async () => {
    t = await start({ size: 2000 });
  });
  after(() => t.emulator.close());
  beforeEach(() => t.post('/_emulator/reset'));

  test('binds 127.0.0.1 on a free port when port is 0', () => {
    assert.match(t.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(t.emulator.port, 0);
  });

  test('GET /v1/me/storefront answers the storefront', async () => {
    const response = await t.get('/v1/me/storefront');
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.data[0].id, 'us');
    assert.equal(body.data[0].type, 'storefronts');
    assert.equal(typeof body.data[0].attributes.name, 'string');
  });

  test('paginates albums to the end with limit 100 and root-relative next', async () => {
    /** @type {string | undefined} */
    let next = '/v1/me/library/albums?limit=100';
    const ids = [];
    let total = -1;
    let pages = 0;
    while (next) {
      const response = await t.get(next);
      assert.equal(response.status, 200);
      const body = await response.json();
      total = body.meta.total;
      ids.push(...body.data.map((/** @type {any} */ item) => item.id));
      assert.equal(body.data.length, Math.min(100, total - pages * 100));
      next = body.next;
      if (next) {
        assert.match(next, /^\/v1\/me\/library\/albums\?offset=\d+$/);
        // Apple's next carries only the offset: the client puts its limit back.
        next = `${next}&limit=100`;
      }
      pages += 1;
    }
    assert.equal(total, 300);
    assert.equal(pages, 3);
    assert.equal(ids.length, total);
    assert.equal(new Set(ids).size, total);
  });

  test("next is Apple's documented form: the path and the offset only", async () => {
    const body = await (await t.get('/v1/me/library/songs?limit=10&offset=20&l=en-US')).json();
    assert.equal(body.next, '/v1/me/library/songs?offset=30');
    const following = await (await t.get(body.next)).json();
    assert.equal(following.data.length, 25, 'without its limit, the next page has the default size');
  });

  test('default page size is 25; no next on the last page', async () => {
    const first = await (await t.get('/v1/me/library/playlists')).json();
    assert.equal(first.data.length, 25);
    assert.equal(first.next, '/v1/me/library/playlists?offset=25');
    const last = await (await t.get(`/v1/me/library/playlists?offset=${first.meta.total - 5}`)).json();
    assert.equal(last.data.length, 5);
    assert.equal(last.next, undefined);
    const beyond = await (await t.get('/v1/me/library/playlists?offset=100000')).json();
    assert.deepEqual(beyond.data, []);
  });

  test("limit over 100 (or malformed) is a 400 with Apple's error body", async () => {
    for (const query of ['limit=101', 'limit=0', 'limit=abc', 'offset=-1', 'offset=1.5']) {
      const response = await t.get(`/v1/me/library/songs?${query}`);
      assert.equal(response.status, 400, query);
      const body = await response.json();
      assertAppleError(body, 400);
      assert.equal(body.errors[0].source.parameter, query.split('=')[0]);
    }
  });

  test('every library type answers resources with the right ids and attributes', async () => {
    const expected = { albums: 'l.', songs: 'i.', playlists: 'p.', artists: 'r.', 'music-videos': 'mv.' };
    for (const [type, prefix] of Object.entries(expected)) {
      const body = await (await t.get(`/v1/me/library/${type}?limit=5`)).json();
      assert.equal(body.data.length, 5, type);
      for (const item of body.data) {
        assert.ok(item.id.startsWith(prefix), `${type} id ${item.id}`);
        assert.equal(item.type, `library-${type}`);
        assert.equal(item.href, `/v1/me/library/${type}/${item.id}`);
        assert.equal(typeof item.attributes.name, 'string');
      }
    }
    const [album] = (await (await t.get('/v1/me/library/albums?limit=1')).json()).data;
    for (const key of ['artistName', 'artwork', 'trackCount', 'dateAdded', 'genreNames', 'releaseDate', 'playParams']) {
      assert.ok(key in album.attributes, `album.${key}`);
    }
    assert.match(album.attributes.artwork.url, /\{w\}x\{h\}/);
    assert.match(album.attributes.artwork.bgColor, /^[0-9a-f]{6}$/);
    const [song] = (await (await t.get('/v1/me/library/songs?limit=1')).json()).data;
    for (const key of ['albumName', 'durationInMillis', 'trackNumber', 'discNumber']) assert.ok(key in song.attributes, `song.${key}`);
    const [playlist] = (await (await t.get('/v1/me/library/playlists?limit=1')).json()).data;
    for (const key of ['description', 'artwork', 'canEdit', 'isPublic', 'playParams'])
      assert.ok(key in playlist.attributes, `playlist.${key}`);
  });

  test("songs add up to their album's trackCount", async () => {
    const albums = (await (await t.get('/v1/me/library/albums?limit=3')).json()).data;
    const songs = (await (await t.get('/v1/me/library/songs?limit=100')).json()).data;
    const first = songs.filter((/** @type {any} */ s) => s.attributes.albumName === albums[0].attributes.name);
    assert.equal(first.length, albums[0].attributes.trackCount);
  });

  test('recently-added mixes albums and playlists, newest first', async () => {
    const body = await (await t.get('/v1/me/library/recently-added?limit=25')).json();
    const dates = body.data.map((/** @type {any} */ item) => item.attributes.dateAdded);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(body.meta.total, 360);
  });

  test('recently-added pages like Apple documents it: 10 by default, at most 25', async () => {
    const byDefault = await (await t.get('/v1/me/library/recently-added')).json();
    assert.equal(byDefault.data.length, 10);
    assert.equal(byDefault.next, '/v1/me/library/recently-added?offset=10');
    const tooMany = await t.get('/v1/me/library/recently-added?limit=26');
    assert.equal(tooMany.status, 400);
    const error = (await tooMany.json()).errors[0];
    assert.equal(error.source.parameter, 'limit');
    assert.match(error.detail, /between 1 and 25/);
  });

  test('the library includes names that need escaping and non-ASCII', async () => {
    const body = await (await t.get('/v1/me/library/albums?limit=5')).json();
    const names = body.data.map((/** @type {any} */ item) => item.attributes.name).join('\n');
    assert.match(names, /<b>/);
    assert.match(names, /&/);
    assert.match(names, /"/);
    // eslint-disable-next-line no-control-regex -- any character outside ASCII.
    assert.match(names, /[^\x00-\x7f]/);
  });

  test('a single library resource by id, 404 for unknown ids and paths', async () => {
    const [album] = (await (await t.get('/v1/me/library/albums?limit=1')).json()).data;
    const one = await (await t.get(`/v1/me/library/albums/${album.id}`)).json();
    assert.deepEqual(one.data[0], album);
    for (const path of ['/v1/me/library/albums/l.nope', '/v1/me/library/podcasts', '/v1/me/nothing']) {
      const response = await t.get(path);
      assert.equal(response.status, 404, path);
      assertAppleError(await response.json(), 404);
    }
  });

  test('401 without, with a malformed and with an expired developer token', async () => {
    const cases = [null, 'Bearer nope', 'Basic abc', `Bearer ${fakeDeveloperToken({ exp: 1000 })}`, 'Bearer a.b.c'];
    for (const authorization of cases) {
      const response = await t.get('/v1/me/storefront', { Authorization: authorization });
      assert.equal(response.status, 401, String(authorization));
      assertAppleError(await response.json(), 401);
    }
  });

  test('403 without, with an unknown and with a revoked Music User Token', async () => {
    for (const mut of [null, 'not-issued-by-the-emulator']) {
      const response = await t.get('/v1/me/library/songs', { 'Music-User-Token': mut });
      assert.equal(response.status, 403);
      assertAppleError(await response.json(), 403);
    }
    const token = await t.issue(undefined);
    assert.equal((await t.get('/v1/me/storefront', { 'Music-User-Token': token })).status, 200);
    assert.equal((await t.post('/_emulator/revoke', { token })).status, 200);
    const revoked = await t.get('/v1/me/storefront', { 'Music-User-Token': token });
    assert.equal(revoked.status, 403);
    assert.equal((await revoked.json()).errors[0].code, '40300');
  });

  test('a forced token value is accepted; an empty one is never', async () => {
    assert.equal(await t.issue('my-token'), 'my-token');
    assert.equal((await t.get('/v1/me/storefront', { 'Music-User-Token': 'my-token' })).status, 200);
    assert.equal(await t.issue(''), '');
  });

  test('both logout endpoints answer 200 and revoke the token they are given', async () => {
    const endpoints = [
      ['/WebObjects/MZPlay.woa/wa/webPlayerLogout', 'X-Apple-Music-User-Token'],
      ['/account/web/logout', 'Media-User-Token'],
    ];
    for (const [path, header] of endpoints) {
      const token = await t.issue(undefined);
      const response = await fetch(t.origin + path, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${t.developerToken}`,
          [header]: token,
          'Content-Type': 'application/json',
          Origin: 'http://localhost:8000',
        },
      });
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:8000');
      assert.equal((await t.get('/v1/me/storefront', { 'Music-User-Token': token })).status, 403, path);
    }
  });

  test('429 faults carry Retry-After and run out after count', async () => {
    await t.post('/_emulator/faults', { path: '/v1/me/library/songs', status: 429, count: 2, retryAfter: 7 });
    for (let i = 0; i < 2; i++) {
      const response = await t.get('/v1/me/library/songs');
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('retry-after'), '7');
      assertAppleError(await response.json(), 429);
    }
    assert.equal((await t.get('/v1/me/library/songs')).status, 200);
  });

  test('429 defaults to Retry-After: 1; null omits it', async () => {
    await t.post('/_emulator/faults', [
      { path: '/v1/me/library', status: 429 },
      { path: '/v1/me/library', status: 429, retryAfter: null },
    ]);
    assert.equal((await t.get('/v1/me/library/albums')).headers.get('retry-after'), '1');
    const second = await t.get('/v1/me/library/albums');
    assert.equal(second.status, 429);
    assert.equal(second.headers.get('retry-after'), null);
  });

  test('5xx faults, prefix matching, and the body variants', async () => {
    await t.post('/_emulator/faults', { path: '/v1/me/library/songs', status: 503, count: 1 });
    assert.equal((await t.get('/v1/me/library/albums')).status, 200, 'other paths are unaffected');
    const failed = await t.get('/v1/me/library/songs?limit=5');
    assert.equal(failed.status, 503);
    assertAppleError(await failed.json(), 503);

    await t.post('/_emulator/faults', { path: '/v1', status: 500, body: 'html' });
    const html = await t.get('/v1/me/storefront');
    assert.equal(html.status, 500);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);

    await t.post('/_emulator/faults', { path: '/v1', status: 502, body: 'malformed-json' });
    const broken = await t.get('/v1/me/storefront');
    assert.equal(broken.status, 502);
    await assert.rejects(broken.json());

    await t.post('/_emulator/faults', { path: '/v1', status: 500, body: 'drop' });
    await assert.rejects(t.get('/v1/me/storefront'), TypeError);
    assert.equal((await t.get('/v1/me/storefront')).status, 200);
  });

  test('faults can force 401 and 403 even with valid tokens', async () => {
    await t.post('/_emulator/faults', [
      { path: '/v1', status: 401 },
      { path: '/v1', status: 403 },
    ]);
    assert.equal((await t.get('/v1/me/storefront')).status, 401);
    assert.equal((await t.get('/v1/me/storefront')).status, 403);
    assert.equal((await t.get('/v1/me/storefront')).status, 200);
  });

  test('empty-page faults: 200, no items, and a next further on every time', async () => {
    await t.post('/_emulator/faults', { path: '/v1/me/library/songs', body: 'empty-page', count: 2 });
    const first = await t.get('/v1/me/library/songs?limit=100');
    assert.equal(first.status, 200);
    const body = await first.json();
    assert.deepEqual([body.data, body.next], [[], '/v1/me/library/songs?offset=100']);
    const second = await (await t.get('/v1/me/library/songs?offset=100000&limit=100')).json();
    assert.deepEqual([second.data, second.next], [[], '/v1/me/library/songs?offset=100100']);
    const real = await (await t.get('/v1/me/library/songs?limit=100')).json();
    assert.equal(real.data.length, 100);
  });

  test('null-entries faults: the real items with null, a number, a string and an array mixed in', async () => {
    await t.post('/_emulator/faults', { path: '/v1/me/library/albums', body: 'null-entries' });
    const broken = await (await t.get('/v1/me/library/albums?limit=3')).json();
    const real = await (await t.get('/v1/me/library/albums?limit=3')).json();
    assert.deepEqual(broken.data, [real.data[0], null, 7, 'text', [], real.data[1], real.data[2]]);
    assert.equal(broken.next, real.next);
  });

  test('page faults still check the tokens', async () => {
    await t.post('/_emulator/faults', { path: '/v1/me/library/albums', body: 'empty-page' });
    assert.equal((await t.get('/v1/me/library/albums', { 'Music-User-Token': 'bad' })).status, 403);
  });

  test('invalid faults are refused; reset clears queued faults', async () => {
    for (const fault of [
      { status: 200 },
      { status: 429, count: 0 },
      { status: 429, body: 'weird' },
      { status: 429, path: 'v1' },
      { status: 500, body: 'empty-page' },
    ]) {
      assert.equal((await t.post('/_emulator/faults', fault)).status, 400, JSON.stringify(fault));
    }
    await t.post('/_emulator/faults', { path: '/v1', status: 500, count: 5 });
    const listed = await (await fetch(`${t.origin}/_emulator/faults`)).json();
    assert.equal(listed.faults[0].count, 5);
    await t.post('/_emulator/reset');
    assert.equal((await t.get('/v1/me/storefront')).status, 200);
  });

  test('latency delays API answers until reset', async () => {
    await t.post('/_emulator/latency', { ms: 150 });
    let begin = performance.now();
    await t.get('/v1/me/storefront');
    assert.ok(performance.now() - begin >= 140);
    // After a reset, a latency of 10 s no longer applies (a bound no loaded machine comes near).
    await t.post('/_emulator/latency', { ms: 10_000 });
    await t.post('/_emulator/reset');
    begin = performance.now();
    await t.get('/v1/me/storefront');
    assert.ok(performance.now() - begin < 9000);
  });

  test('the request log counts API calls and never records tokens', async () => {
    await t.get('/v1/me/library/songs?limit=3');
    await t.get('/v1/me/library/songs?limit=3&offset=3', { 'Music-User-Token': 'bad' });
    await t.get('/v1/me/storefront');
    const all = await (await fetch(`${t.origin}/_emulator/requests`)).text();
    assert.ok(!all.includes(t.userToken) && !all.includes(t.developerToken), 'no token values');
    const songs = (await (await fetch(`${t.origin}/_emulator/requests?path=/v1/me/library/songs`)).json()).requests;
    assert.equal(songs.length, 2);
    assert.deepEqual(
      songs.map((/** @type {any} */ r) => r.status),
      [200, 403],
    );
    assert.deepEqual(songs[1].query, { limit: '3', offset: '3' });
  });

  test('CORS: local origins are reflected, preflights answered, others refused', async () => {
    for (const origin of ['http://localhost:8000', 'http://127.0.0.1:5173', 'http://[::1]:3000']) {
      const preflight = await fetch(`${t.origin}/v1/me/library/songs`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization,music-user-token',
        },
      });
      assert.equal(preflight.status, 204, origin);
      assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
      const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['authorization', 'music-user-token', 'x-apple-music-user-token', 'media-user-token', 'content-type']) {
        assert.ok(allowed.includes(header), header);
      }
    }
    const foreign = await fetch(`${t.origin}/v1/me/library/songs`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    await t.post('/_emulator/faults', { path: '/v1', status: 429, retryAfter: 2 });
    const limited = await t.get('/v1/me/storefront', { Origin: 'http://localhost:8000' });
    assert.equal(limited.headers.get('access-control-allow-origin'), 'http://localhost:8000');
    assert.match(limited.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    const control = await fetch(`${t.origin}/_emulator/faults`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:8000', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(control.status, 204);
  });

  test('control endpoints refuse foreign pages, even without a preflight', async () => {
    for (const path of ['/_emulator/reset', '/_emulator/issue', '/woa/issue']) {
      const foreign = await fetch(t.origin + path, {
        method: 'POST',
        headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
        body: '{}',
      });
      assert.equal(foreign.status, 403, path);
      const local = await fetch(t.origin + path, { method: 'POST', headers: { Origin: 'http://localhost:8000' }, body: '{}' });
      assert.equal(local.status, 200, path);
    }
  });

  test('artwork is a generated, cacheable SVG of the requested size', async () => {
    const [album] = (await (await t.get('/v1/me/library/albums?limit=1')).json()).data;
    const url = album.attributes.artwork.url.replace('{w}', '300').replace('{h}', '200');
    assert.ok(url.startsWith(`${t.origin}/artwork/`));
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.match(response.headers.get('cache-control') ?? '', /max-age=\d+/);
    const svg = await response.text();
    assert.match(svg, /^<svg [^>]*width="300" height="200"/);
    assert.ok(svg.includes(`#${album.attributes.artwork.bgColor}`), 'bgColor matches the image');
    assert.equal(await (await fetch(url)).text(), svg, 'stable');
    assert.equal((await fetch(`${t.origin}/artwork/x/{w}x{h}.svg`)).status, 404);
    assert.equal((await fetch(`${t.origin}/artwork/x/0x10.svg`)).status, 404);
  });
});

describe('emulator library generation', () => {
  test('the same seed gives the same library across starts; another seed differs', async () => {
    const pages = [];
    for (const seed of [7, 7, 8]) {
      const t = await start({ seed, size: 500 });
      const body = await (await t.get('/v1/me/library/songs?limit=50&offset=100')).json();
      pages.push(JSON.stringify(body.data).replaceAll(t.origin, 'ORIGIN'));
      await t.emulator.close();
    }
    assert.equal(pages[0], pages[1]);
    assert.notEqual(pages[0], pages[2]);
  });

  // How fast it starts and pages is for the bench to measure, not for a test to assert.
  test('works at 20,000 items: all items reachable, the last page complete', async () => {
    const t = await start({ size: 20_000 });
    try {
      let total = 0;
      for (const type of ['albums', 'songs', 'playlists', 'artists', 'music-videos']) {
        total += (await (await t.get(`/v1/me/library/${type}?limit=1`)).json()).meta.total;
      }
      assert.equal(total, 20_000);
      const last = await (await t.get('/v1/me/library/songs?limit=100&offset=13950')).json();
      assert.equal(last.data.length, 50);
      assert.equal(last.next, undefined);
    } finally {
      await t.emulator.close();
    }
  });

  test('size 0 gives an empty library', async () => {
    const t = await start({ size: 0 });
    const body = await (await t.get('/v1/me/library/albums')).json();
    assert.deepEqual(body, { data: [], meta: { total: 0 } });
    await t.emulator.close();
  });

  test('refuses invalid options', async () => {
    const { startEmulator } = await import('../../cli/emulator/index.js');
    await assert.rejects(startEmulator({ port: -1, quiet: true }), RangeError);
    await assert.rejects(startEmulator({ port: 0, size: 1.5, quiet: true }), RangeError);
    await assert.rejects(startEmulator({ port: 0, storefront: 'usa', quiet: true }), RangeError);
  });
});
