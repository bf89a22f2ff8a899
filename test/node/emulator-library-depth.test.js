// @ts-check
// The emulator's library depth: tracks of albums and a 5,000-track playlist, library search,
// the users without a library.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './helpers.js';
import { LONG_PLAYLIST_TRACKS } from '../../cli/emulator/catalog.js';

/** @param {Response} response */
const json = async (response) => /** @type {any} */ (await response.json());

describe('emulator library depth', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let t;
  before(async () => {
    t = await start({ size: 300 });
  });
  after(() => t.emulator.close());
  beforeEach(() => t.post('/_emulator/reset'));

  /** Follows `next` to the end (putting `limit` back, as a client must), returning every page. */
  async function allPages(/** @type {string} */ first, limit = 100, headers = {}) {
    const pages = [];
    for (let path = first; path;) {
      const url = new URL(path, t.origin);
      url.searchParams.set('limit', String(limit));
      const body = await json(await t.get(url.pathname + url.search, headers));
      pages.push(body);
      path = body.next;
    }
    return pages;
  }

  test('the first library playlist holds 5,000 tracks, paged by 100 with Apple’s offset-only next', async () => {
    const [playlist] = (await json(await t.get('/v1/me/library/playlists?limit=1'))).data;
    const pages = await allPages(`/v1/me/library/playlists/${playlist.id}/tracks`);
    assert.equal(LONG_PLAYLIST_TRACKS, 5000);
    assert.equal(pages.length, 50);
    assert.equal(pages[0].next, `/v1/me/library/playlists/${playlist.id}/tracks?offset=100`);
    assert.deepEqual(new Set(pages.map((page) => page.meta.total)), new Set([5000]));
    const tracks = pages.flatMap((page) => page.data);
    assert.equal(tracks.length, 5000);
    assert.ok(tracks.every((track) => track.type === 'library-songs' && track.id.startsWith('i.')));
    // A 300-item library has fewer songs than that: they come round again, in the same order.
    const songs = (await json(await t.get('/v1/me/library/songs?limit=1'))).meta.total;
    assert.equal(new Set(tracks.map((track) => track.id)).size, songs);
    assert.deepEqual(
      tracks.slice(songs, 2 * songs).map((track) => track.id),
      tracks.slice(0, songs).map((track) => track.id),
    );
    // Other playlists hold a few dozen.
    const [, second] = (await json(await t.get('/v1/me/library/playlists?limit=2'))).data;
    const other = await json(await t.get(`/v1/me/library/playlists/${second.id}/tracks?limit=100`));
    assert.ok(other.data.length >= 8 && other.data.length <= 40 && !other.next);
  });

  test('playlist tracks carry their catalog twins with include=catalog; uploads an empty catalog', async () => {
    const [playlist] = (await json(await t.get('/v1/me/library/playlists?limit=1'))).data;
    const page = await json(await t.get(`/v1/me/library/playlists/${playlist.id}/tracks?limit=100&include=catalog`));
    const twins = page.data.map((/** @type {any} */ track) => track.relationships.catalog.data);
    assert.ok(twins.some((/** @type {any[]} */ data) => data.length === 1 && data[0].type === 'songs' && data[0].attributes.previews));
    assert.ok(
      twins.some((/** @type {any[]} */ data) => data.length === 0),
      'some uploads among 100 tracks',
    );
  });

  test('library search groups matches by type, pages them by 5 up to 25, and refuses bad parameters', async () => {
    const songs = (await json(await t.get('/v1/me/library/songs?limit=100'))).data;
    const word = songs[10].attributes.name.split(' ')[0];
    const expected = [];
    for (const page of await allPages('/v1/me/library/songs')) {
      for (const song of page.data) {
        const { name, artistName, albumName } = song.attributes;
        if (`${name}\n${artistName}\n${albumName}`.toLowerCase().includes(word.toLowerCase())) expected.push(song.id);
      }
    }
    const first = await json(
      await t.get(`/v1/me/library/search?term=${encodeURIComponent(word.toUpperCase())}&types=library-songs,library-albums`),
    );
    assert.deepEqual(first.meta.results.order.includes('library-songs'), true);
    assert.equal(first.results['library-songs'].data.length, Math.min(5, expected.length));
    // Every page, following the group's next (term and type, no limit) with limit=25.
    const found = [];
    for (let path = `/v1/me/library/search?term=${encodeURIComponent(word)}&types=library-songs`; path;) {
      const url = new URL(path, t.origin);
      assert.equal(url.searchParams.get('limit'), null, 'next leaves the limit out');
      url.searchParams.set('limit', '25');
      const body = await json(await t.get(url.pathname + url.search));
      const group = body.results['library-songs'];
      found.push(...group.data.map((/** @type {any} */ song) => song.id));
      path = group.next;
    }
    assert.deepEqual(found, expected);

    const none = await json(await t.get('/v1/me/library/search?term=zzzqqqxxx&types=library-songs'));
    assert.deepEqual(none, { results: {}, meta: { results: { order: [], rawOrder: [] } } });
    for (const [query, parameter] of [
      ['types=library-songs', 'term'],
      ['term=a', 'types'],
      ['term=a&types=songs', 'types'],
      ['term=a&types=toString', 'types'],
      ['term=a&types=library-songs&limit=26', 'limit'],
      ['term=a&types=library-songs&offset=-1', 'offset'],
    ]) {
      const response = await t.get(`/v1/me/library/search?${query}`);
      assert.equal(response.status, 400, query);
      assert.equal((await json(response)).errors[0].source.parameter, parameter, query);
    }
  });

  test('a user without a cloud library gets 404 on every library path; an empty library answers empty', async () => {
    const issue = async (/** @type {unknown} */ library) => t.post('/_emulator/issue', { library });
    assert.equal((await issue('everything')).status, 400);
    const none = (await json(await issue('none'))).musicUserToken;
    const empty = (await json(await issue('empty'))).musicUserToken;
    for (const path of [
      '/v1/me/library/songs',
      '/v1/me/library/recently-added',
      '/v1/me/library/search?term=a&types=library-songs',
      '/v1/me/library/albums/l.x/tracks',
    ]) {
      const response = await t.get(path, { 'Music-User-Token': none });
      assert.equal(response.status, 404, path);
      assert.equal((await json(response)).errors[0].status, '404');
    }
    assert.equal((await t.get('/v1/me/storefront', { 'Music-User-Token': none })).status, 200, 'the account itself works');
    assert.deepEqual(await json(await t.get('/v1/me/library/albums', { 'Music-User-Token': empty })), { data: [], meta: { total: 0 } });
    assert.deepEqual(
      (await json(await t.get('/v1/me/library/search?term=a&types=library-songs', { 'Music-User-Token': empty }))).results,
      {},
    );
    assert.equal((await t.get('/v1/me/library/albums/l.x', { 'Music-User-Token': empty })).status, 404);
    // The generated library is still there for everyone else.
    assert.ok((await json(await t.get('/v1/me/library/albums'))).data.length > 0);
  });

  test('the sign-in page takes library=none|empty for the token it issues, and refuses other values', async () => {
    const page = (/** @type {string} */ library) =>
      fetch(
        `${t.origin}/woa?a=${Buffer.from('{"thirdPartyToken":"x.y.z"}').toString('base64')}&referrer=http://localhost/&library=${library}`,
      );
    const bad = await page('nope');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Unknown library/);
    const good = await page('none');
    assert.equal(good.status, 200);
    assert.match(await good.text(), /"library":"none"/);
  });
});
