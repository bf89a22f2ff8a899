// @ts-check
// The emulator's catalog (`/v1/catalog/…`) and the library's way to it (`include=catalog`).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './helpers.js';
import { startEmulator } from '../../cli/emulator/index.js';
import { hasPreview, storePlaylistId, IDS, STORE } from '../../cli/emulator/catalog.js';

/**
 * A root-relative path with `params` added where it lacks them.
 * @param {string} path
 * @param {Record<string, string>} params
 */
function withQuery(path, params) {
  const url = new URL(path, 'http://x');
  for (const [name, value] of Object.entries(params)) if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}

const SONG = '1000000001';
const NO_PREVIEW = '1000000002';
const ALBUM = '2000000001';

/** @param {any} song */
function assertCatalogSong(song) {
  assert.equal(song.type, 'songs');
  assert.match(song.id, /^\d+$/);
  assert.equal(song.href, `/v1/catalog/us/songs/${song.id}`);
  const a = song.attributes;
  for (const key of ['name', 'artistName', 'albumName', 'releaseDate', 'url', 'isrc']) assert.equal(typeof a[key], 'string', key);
  for (const key of ['durationInMillis', 'trackNumber', 'discNumber']) assert.equal(typeof a[key], 'number', key);
  assert.ok(Array.isArray(a.genreNames) && a.genreNames.length);
  assert.match(a.artwork.url, /\{w\}x\{h\}/);
  assert.equal(typeof a.artwork.width, 'number');
  assert.deepEqual(a.playParams, { id: song.id, kind: 'song' });
  assert.ok(Array.isArray(a.previews));
  assert.match(a.url, /^https:\/\/music\.apple\.com\/us\//);
}

describe('emulator catalog', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let t;
  /** GET with the developer token only: the catalog needs no Music User Token. */
  const catalog = (/** @type {string} */ path) => t.get(path, { 'Music-User-Token': null });
  before(async () => {
    t = await start();
  });
  after(() => t.emulator.close());

  test("a song by id: Apple's shape, a preview on the emulator, its album as relationship", async () => {
    const response = await catalog(`/v1/catalog/us/songs/${SONG}`);
    assert.equal(response.status, 200);
    const [song] = (await response.json()).data;
    assertCatalogSong(song);
    assert.equal(song.attributes.previews.length, 1);
    assert.equal(song.attributes.previews[0].url, `${t.origin}/audio/preview/${SONG}.wav`);
    assert.deepEqual(song.relationships.albums.data, [{ id: ALBUM, type: 'albums', href: `/v1/catalog/us/albums/${ALBUM}` }]);
  });

  test('songs whose id is 2 modulo 25 have an empty previews list', async () => {
    assert.equal(hasPreview(NO_PREVIEW), false);
    assert.equal(hasPreview(SONG), true);
    const [song] = (await (await catalog(`/v1/catalog/us/songs/${NO_PREVIEW}`)).json()).data;
    assert.deepEqual(song.attributes.previews, []);
    const [twin] = (await (await catalog('/v1/catalog/us/songs/1500000002')).json()).data;
    assert.deepEqual(twin.attributes.previews, []);
  });

  test('the catalog needs the developer token, not a Music User Token', async () => {
    assert.equal((await t.get(`/v1/catalog/us/songs/${SONG}`, { Authorization: null, 'Music-User-Token': null })).status, 401);
    assert.equal((await t.get(`/v1/catalog/us/songs/${SONG}`, { 'Music-User-Token': 'not-a-token' })).status, 200);
  });

  test('songs?ids= answers the known ids in order and leaves the others out', async () => {
    const body = await (await catalog(`/v1/catalog/us/songs?ids=${SONG},999,1000000003`)).json();
    assert.deepEqual(
      body.data.map((/** @type {any} */ s) => s.id),
      [SONG, '1000000003'],
    );
    const missing = await catalog('/v1/catalog/us/songs');
    assert.equal(missing.status, 400);
    assert.equal((await missing.json()).errors[0].source.parameter, 'ids');
  });

  test("unknown ids, storefronts and kinds answer Apple's 404", async () => {
    for (const path of [
      '/v1/catalog/us/songs/42',
      '/v1/catalog/USA/songs/1',
      '/v1/catalog/us/artists/1',
      '/v1/catalog/us/songs/1000000001/tracks',
    ]) {
      const response = await catalog(path);
      assert.equal(response.status, 404, path);
      assert.equal((await response.json()).errors[0].status, '404');
    }
  });

  test('an album by id carries all its tracks as full song resources (also with include=tracks)', async () => {
    for (const path of [`/v1/catalog/us/albums/${ALBUM}`, `/v1/catalog/us/albums/${ALBUM}?include=tracks`]) {
      const [album] = (await (await catalog(path)).json()).data;
      assert.equal(album.type, 'albums');
      assert.deepEqual(album.attributes.playParams, { id: ALBUM, kind: 'album' });
      assert.equal(album.attributes.trackCount, STORE.tracksPerAlbum);
      const tracks = album.relationships.tracks.data;
      assert.equal(tracks.length, STORE.tracksPerAlbum);
      tracks.forEach(assertCatalogSong);
      assert.deepEqual(
        tracks.map((/** @type {any} */ s) => s.attributes.trackNumber),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      );
    }
  });

  test('album tracks page with limit, offset and a root-relative next', async () => {
    const first = await (await catalog(`/v1/catalog/us/albums/${ALBUM}/tracks?limit=4`)).json();
    assert.equal(first.data.length, 4);
    assert.equal(first.meta.total, 10);
    assert.match(first.next, /^\/v1\/catalog\/us\/albums\/2000000001\/tracks\?.*offset=4/);
    const last = await (await catalog(`/v1/catalog/us/albums/${ALBUM}/tracks?offset=8`)).json();
    assert.equal(last.data.length, 2);
    assert.equal(last.next, undefined);
    assert.equal((await catalog(`/v1/catalog/us/albums/${ALBUM}/tracks?limit=0`)).status, 400);
  });

  test('a playlist (pl.…) carries its first 100 tracks and a next; its tracks page to the end', async () => {
    const id = storePlaylistId(0);
    // Fixed whatever the seed, and documented in cli/emulator/README.md.
    assert.equal(id, 'pl.98d72e1b97d72c889ad7314199d72fae');
    const [playlist] = (await (await catalog(`/v1/catalog/us/playlists/${id}?include=tracks`)).json()).data;
    assert.equal(playlist.type, 'playlists');
    assert.deepEqual(playlist.attributes.playParams, { id, kind: 'playlist' });
    assert.equal(playlist.relationships.tracks.data.length, 100);
    assert.equal(playlist.relationships.tracks.next, `/v1/catalog/us/playlists/${id}/tracks?offset=100`);
    const ids = [];
    /** @type {string | undefined} */
    let next = `/v1/catalog/us/playlists/${id}/tracks?limit=100`;
    while (next) {
      const body = await (await catalog(next)).json();
      ids.push(...body.data.map((/** @type {any} */ s) => s.id));
      next = body.next && withQuery(body.next, { limit: '100' });
    }
    assert.equal(ids.length, STORE.albums * STORE.tracksPerAlbum);
    assert.equal(new Set(ids).size, ids.length);
  });

  test('track lists take the page faults of lists (an empty page that still has a next)', async () => {
    const path = `/v1/catalog/us/albums/${ALBUM}/tracks`;
    await t.post('/_emulator/faults', { path, body: 'empty-page' });
    const broken = await (await catalog(path)).json();
    assert.deepEqual(broken.data, []);
    assert.match(broken.next, /offset=/);
    assert.equal((await (await catalog(path)).json()).data.length, 10);
  });

  test('a music video has musicVideo play parameters and an audio preview', async () => {
    const id = String(IDS.storeVideo);
    const [video] = (await (await catalog(`/v1/catalog/us/music-videos/${id}`)).json()).data;
    assert.equal(video.type, 'music-videos');
    assert.deepEqual(video.attributes.playParams, { id, kind: 'musicVideo' });
    assert.equal(video.attributes.previews[0].url, `${t.origin}/audio/preview/${id}.wav`);
  });

  test('search groups results by type, each with its own next, and finds names with every word', async () => {
    const [song] = (await (await catalog(`/v1/catalog/us/songs/${SONG}`)).json()).data;
    const term = song.attributes.name;
    const body = await (
      await catalog(`/v1/catalog/us/search?term=${encodeURIComponent(term)}&types=songs,albums,playlists&limit=1`)
    ).json();
    assert.ok(body.results.songs.data.length === 1);
    const all = [];
    /** @type {string | undefined} */
    let next = `/v1/catalog/us/search?term=${encodeURIComponent(term)}&types=songs&limit=25`;
    while (next) {
      const page = await (await catalog(next)).json();
      all.push(...(page.results.songs?.data ?? []));
      next = page.results.songs?.next;
    }
    assert.ok(
      all.some((s) => s.id === SONG),
      'finds the song by its name',
    );
    for (const found of all) {
      const text = `${found.attributes.name} ${found.attributes.artistName} ${found.attributes.albumName}`.toLowerCase();
      for (const word of term.toLowerCase().split(' ')) assert.ok(text.includes(word), `${text} has ${word}`);
    }
    assert.deepEqual(body.meta.results.order, Object.keys(body.results));
  });

  test('search: no match is an empty results object; missing term or types and bad limits are 400', async () => {
    const body = await (await catalog('/v1/catalog/us/search?term=zzzqqq&types=songs')).json();
    assert.deepEqual(body.results, {});
    for (const [query, parameter] of [
      ['types=songs', 'term'],
      ['term=a', 'types'],
      ['term=a&types=songs&limit=26', 'limit'],
    ]) {
      const response = await catalog(`/v1/catalog/us/search?${query}`);
      assert.equal(response.status, 400, query);
      assert.equal((await response.json()).errors[0].source.parameter, parameter);
    }
  });
});

describe('emulator library ↔ catalog', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let t;
  /** @type {any[]} */
  let songs;
  before(async () => {
    t = await start();
    songs = [];
    /** @type {string | undefined} */
    let next = '/v1/me/library/songs?include=catalog&limit=100';
    while (next) {
      const body = await (await t.get(next)).json();
      songs.push(...body.data);
      // Apple's next carries only the offset: the client puts its own parameters back.
      next = body.next && withQuery(body.next, { include: 'catalog', limit: '100' });
    }
  });
  after(() => t.emulator.close());

  test('include=catalog gives every library song relationships.catalog, with the twin or empty for uploads', () => {
    assert.equal(songs.length, t.emulator.state.library.lists.songs.length);
    const uploads = songs.filter((song) => song.relationships.catalog.data.length === 0);
    const linked = songs.filter((song) => song.relationships.catalog.data.length === 1);
    assert.ok(uploads.length > 0 && linked.length > uploads.length, `${uploads.length} uploads of ${songs.length}`);
    for (const song of linked) {
      const [twin] = song.relationships.catalog.data;
      assertCatalogSong(twin);
      assert.equal(twin.attributes.name, song.attributes.name);
      assert.equal(twin.attributes.durationInMillis, song.attributes.durationInMillis);
      assert.deepEqual(song.attributes.playParams, {
        id: song.id,
        kind: 'song',
        isLibrary: true,
        reporting: true,
        catalogId: twin.id,
        reportingId: twin.id,
      });
      assert.equal(song.relationships.catalog.href, `/v1/me/library/songs/${song.id}/catalog`);
    }
    for (const song of uploads)
      assert.deepEqual(song.attributes.playParams, { id: song.id, kind: 'song', isLibrary: true, reporting: false });
  });

  test('uploads are the songs of every tenth library album (indexes 9, 19, …)', async () => {
    const albums = t.emulator.state.library.lists.albums;
    const uploadAlbums = new Set(albums.filter((_, index) => index % 10 === 9).map((album) => album.attributes.name));
    const uploads = songs.filter((song) => song.relationships.catalog.data.length === 0);
    for (const song of uploads) assert.ok(uploadAlbums.has(song.attributes.albumName));
    const [album] = (await (await t.get(`/v1/me/library/albums/${albums[9].id}?include=catalog`)).json()).data;
    assert.deepEqual(album.relationships.catalog.data, []);
    const [linked] = (await (await t.get(`/v1/me/library/albums/${albums[0].id}?include=catalog`)).json()).data;
    assert.equal(linked.relationships.catalog.data[0].type, 'albums');
  });

  test('/v1/me/library/songs/{id} and /{id}/catalog reach the twin; an upload answers an empty list', async () => {
    const linked = songs.find((song) => song.relationships.catalog.data.length);
    const upload = songs.find((song) => !song.relationships.catalog.data.length);
    const [item] = (await (await t.get(`/v1/me/library/songs/${linked.id}?include=catalog`)).json()).data;
    assert.deepEqual(item, linked);
    const twin = await (await t.get(`/v1/me/library/songs/${linked.id}/catalog`)).json();
    assert.deepEqual(twin.data, linked.relationships.catalog.data);
    const none = await t.get(`/v1/me/library/songs/${upload.id}/catalog`);
    assert.equal(none.status, 200);
    assert.deepEqual((await none.json()).data, []);
    assert.equal((await t.get('/v1/me/library/songs/i.nope/catalog')).status, 404);
    // The catalog twin is a catalog resource, fetched without a Music User Token.
    const fetched = await (await t.get(`/v1/catalog/us/songs/${twin.data[0].id}`, { 'Music-User-Token': null })).json();
    assert.equal(fetched.data[0].attributes.name, linked.attributes.name);
  });

  test('library routes stay behind the Music User Token', async () => {
    assert.equal((await t.get(`/v1/me/library/songs/${songs[0].id}/catalog`, { 'Music-User-Token': null })).status, 403);
    assert.equal((await t.get('/v1/me/library/songs?include=catalog', { 'Music-User-Token': 'revoked-or-unknown' })).status, 403);
  });

  test("library album and playlist tracks: the album's songs in order; a playlist's picked songs", async () => {
    const [album] = t.emulator.state.library.lists.albums;
    const tracks = await (await t.get(`/v1/me/library/albums/${album.id}/tracks?limit=100`)).json();
    assert.equal(tracks.data.length, album.attributes.trackCount);
    assert.deepEqual(
      tracks.data.map((/** @type {any} */ s) => s.attributes.trackNumber),
      tracks.data.map((/** @type {any} */ _, /** @type {number} */ i) => i + 1),
    );
    assert.ok(tracks.data.every((/** @type {any} */ s) => s.type === 'library-songs' && s.attributes.albumName === album.attributes.name));
    const [playlist] = t.emulator.state.library.lists.playlists;
    const listed = await (await t.get(`/v1/me/library/playlists/${playlist.id}/tracks?include=catalog&limit=100`)).json();
    assert.ok(listed.data.length >= 8);
    assert.ok(listed.data.every((/** @type {any} */ s) => s.type === 'library-songs' && Array.isArray(s.relationships.catalog.data)));
    assert.equal((await t.get('/v1/me/library/playlists/p.none/tracks')).status, 404);
  });

  test('the fixed part of the catalog has the same ids with any seed, and without a library', async () => {
    const other = await startEmulator({ port: 0, size: 0, seed: 7, quiet: true });
    try {
      const { catalog } = other.state;
      assert.equal(catalog.songs.size, STORE.albums * STORE.tracksPerAlbum);
      assert.deepEqual(
        [...catalog.albums.keys()],
        [...t.emulator.state.catalog.albums.keys()].filter((id) => id.startsWith('2000')),
      );
      assert.deepEqual([...catalog.playlists.keys()], [...t.emulator.state.catalog.playlists.keys()]);
      assert.deepEqual(
        catalog.albums.get(ALBUM)?.tracks.map((song) => song.id),
        Array.from({ length: 10 }, (_, i) => String(1000000001 + i)),
      );
      assert.notEqual(
        catalog.songs.get(SONG)?.name + '|' + catalog.songs.get('1000000003')?.name,
        t.emulator.state.catalog.songs.get(SONG)?.name + '|' + t.emulator.state.catalog.songs.get('1000000003')?.name,
        'names follow the seed',
      );
    } finally {
      await other.close();
    }
  });

  test('the same seed gives the same catalog ids, names and uploads', async () => {
    const again = await startEmulator({ port: 0, size: 300, seed: 1, quiet: true });
    try {
      const names = (/** @type {any} */ state) => [...state.catalog.songs.values()].map((s) => `${s.id}:${s.name}`).join('|');
      assert.equal(names(again.state), names(t.emulator.state));
      assert.deepEqual([...again.state.catalog.twinOf.keys()], [...t.emulator.state.catalog.twinOf.keys()]);
    } finally {
      await again.close();
    }
  });
});
