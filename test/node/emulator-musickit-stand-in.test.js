// @ts-check
// The MusicKit JS stand-in: how the emulator serves it (switches for slow and blocked CDNs),
// the licence call behind full-length playback, and the script itself, run in a sandbox with a
// fake <audio> against the real emulator (the browser test plays real audio).
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { start, fakeDeveloperToken } from './helpers.js';
import { descriptorOf } from '../../cli/emulator/musickit/items.js';

const SCRIPT = '/musickit/v3/musickit.js';
const LICENCE = '/WebObjects/MZPlay.woa/wa/webPlayback';
const APPLE_HOSTS = [
  'https://js-cdn.music.apple.com',
  'https://amp-api.music.apple.com',
  'https://play.itunes.apple.com',
  'https://buy.itunes.apple.com',
];

/** A stand-in for HTMLAudioElement with what the script uses; play() always succeeds. */
class FakeAudio {
  /** @type {FakeAudio[]} */
  static made = [];
  constructor() {
    /** @type {Record<string, Function[]>} */
    this.listeners = {};
    Object.assign(this, { src: '', paused: true, ended: false, currentTime: 0, duration: NaN, readyState: 0, volume: 1, preload: '' });
    FakeAudio.made.push(this);
  }
  /** @param {string} name @param {Function} listener */
  addEventListener(name, listener) {
    (this.listeners[name] ??= []).push(listener);
  }
  /** @param {string} name */
  dispatch(name) {
    for (const listener of this.listeners[name] ?? []) listener();
  }
  play() {
    /** @type {any} */ (this).paused = false;
    queueMicrotask(() => this.dispatch('playing'));
    return Promise.resolve();
  }
  pause() {
    /** @type {any} */ (this).paused = true;
  }
  removeAttribute() {
    /** @type {any} */ (this).src = '';
  }
  load() {}
}

/**
 * Runs the served script in a fresh global with a fake DOM; returns that global.
 * @param {string} origin where the script was loaded from
 * @param {string} source
 * @param {typeof fetch} [fetchImpl]
 */
function runStandIn(origin, source, fetchImpl = fetch) {
  const document = new EventTarget();
  /** @type {number[]} */
  const loaded = [];
  document.addEventListener('musickitloaded', () => loaded.push(1));
  class HTMLScriptElement {
    src = `${origin}${SCRIPT}`;
  }
  /** @type {Map<string, string>} */
  const store = new Map();
  const localStorage = {
    getItem: (/** @type {string} */ key) => store.get(key) ?? null,
    setItem: (/** @type {string} */ key, /** @type {string} */ value) => store.set(key, String(value)),
    removeItem: (/** @type {string} */ key) => store.delete(key),
  };
  Object.assign(document, { currentScript: new HTMLScriptElement() });
  /** @type {any} */
  const context = {
    document,
    HTMLScriptElement,
    localStorage,
    location: { origin: 'http://localhost:1' },
    Audio: FakeAudio,
    fetch: fetchImpl,
    URL,
    atob,
    CustomEvent,
    DOMException,
    setTimeout,
    queueMicrotask,
    console,
  };
  context.window = context;
  vm.createContext(context);
  vm.runInContext(source, context);
  return { global: context, loaded, store };
}

describe('MusicKit stand-in', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let t;
  /** @type {string} */
  let source;
  before(async () => {
    t = await start();
    source = await (await fetch(`${t.origin}${SCRIPT}`)).text();
  });
  after(() => t.emulator.close());
  beforeEach(() => t.post('/_emulator/reset'));

  test('is served as JavaScript from /musickit/v3/musickit.js', async () => {
    const response = await fetch(`${t.origin}${SCRIPT}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(Number(response.headers.get('content-length')), Buffer.byteLength(await response.text()));
  });

  test('is our own code: no Apple copyright, bundle or source map, small', () => {
    const parts = ['items.js', 'player.js'].map((name) =>
      readFileSync(new URL(`../../cli/emulator/musickit/${name}`, import.meta.url), 'utf8'),
    );
    for (const text of [source, ...parts]) {
      assert.doesNotMatch(text, /Apple Inc|Copyright|©|sourceMappingURL|__webpack|acknowledgements\.txt/i);
      // Apple's hosts appear only where a routed test loads it from Apple's CDN URL.
      const hosts = new Set(text.match(/https:\/\/[a-z.-]*apple\.com/g) ?? []);
      for (const host of hosts) assert.ok(APPLE_HOSTS.includes(host), host);
    }
    for (const part of parts) assert.match(part, /no code of Apple's/);
    assert.ok(Buffer.byteLength(source) < 40_000, `${Buffer.byteLength(source)} bytes (Apple's is about 167 KB gzip)`);
  });

  test('defines window.MusicKit (configure, getInstance, PlaybackStates) and fires musickitloaded once', () => {
    const { global, loaded } = runStandIn(t.origin, source);
    assert.deepEqual(Object.keys(global.MusicKit).sort(), ['PlaybackStates', 'configure', 'getInstance']);
    const states = { none: 0, loading: 1, playing: 2, paused: 3, stopped: 4, ended: 5, seeking: 6, waiting: 8, stalled: 9, completed: 10 };
    for (const [name, value] of Object.entries(states)) {
      assert.equal(global.MusicKit.PlaybackStates[name], value);
      assert.equal(global.MusicKit.PlaybackStates[value], name);
    }
    assert.equal(global.MusicKit.getInstance(), undefined);
    assert.equal(loaded.length, 1);
    // A second copy on the page leaves the first alone.
    const first = global.MusicKit;
    vm.runInContext(source, /** @type {any} */ (global));
    assert.equal(global.MusicKit, first);
    assert.equal(loaded.length, 1);
  });

  test('configure resolves the instance; authorization follows the stored token under music.<iss>', async () => {
    const { global, store } = runStandIn(t.origin, source);
    await assert.rejects(global.MusicKit.configure({ developerToken: 'not-a-jwt' }), { name: 'MKError', errorCode: 'CONFIGURATION_ERROR' });
    store.set('music.team123456.itua', 'gb');
    const music = await global.MusicKit.configure({ developerToken: fakeDeveloperToken(), app: { name: 'Test', build: '1' } });
    assert.equal(global.MusicKit.getInstance(), music);
    assert.equal(music.storefrontId, 'gb');
    assert.equal(music.previewOnly, false);
    assert.equal(music.isAuthorized, false);
    assert.equal(music.playbackState, 0);
    store.set('music.team123456.media-user-token', t.userToken);
    assert.equal(music.isAuthorized, true);
    assert.equal(music.musicUserToken, t.userToken);
    const explicit = await global.MusicKit.configure({ developerToken: fakeDeveloperToken(), storefrontId: 'de' });
    assert.equal(explicit.storefrontId, 'de');
  });

  test('setQueue resolves catalog albums and playlists through the API, with nowPlayingItem as a MediaItem', async () => {
    const { global } = runStandIn(t.origin, source);
    const music = await global.MusicKit.configure({ developerToken: fakeDeveloperToken() });
    /** @type {any[]} */
    const changes = [];
    music.addEventListener('nowPlayingItemDidChange', (/** @type {any} */ event) => changes.push(event.item.id));
    const queue = await music.setQueue({ album: '2000000001' });
    assert.equal(queue.length, 10);
    assert.equal(queue.position, 0);
    assert.equal(music.queue, queue);
    const item = music.nowPlayingItem;
    assert.equal(item.id, '1000000001');
    assert.equal(typeof item.title, 'string');
    assert.equal(item.title, item.attributes.name);
    assert.equal(item.playbackDuration, item.attributes.durationInMillis);
    assert.match(item.artwork.url, /\{w\}x\{h\}/);
    assert.deepEqual(changes, ['1000000001']);
    const playlist = t.emulator.state.catalog.playlists.keys().next().value;
    assert.equal((await music.setQueue({ playlist })).length, 240);
    const linked = await music.setQueue({ url: 'https://music.apple.com/us/album/x/2000000001?i=1000000003' });
    assert.deepEqual(
      Array.from(linked.items, (/** @type {any} */ i) => i.id),
      ['1000000003'],
    );
    await assert.rejects(music.setQueue({ song: '42' }), { errorCode: 'CONTENT_UNAVAILABLE' });
  });

  test('a newer setQueue replaces a pending one, which rejects with an AbortError', async () => {
    const { global } = runStandIn(t.origin, source);
    const music = await global.MusicKit.configure({ developerToken: fakeDeveloperToken() });
    const first = music.setQueue({ album: '2000000001', startPlaying: true });
    const second = music.setQueue({ song: '1000000005' });
    await assert.rejects(first, { name: 'AbortError' });
    const queue = await second;
    assert.equal(music.queue, queue);
    assert.deepEqual(
      Array.from(queue.items, (/** @type {any} */ item) => item.id),
      ['1000000005'],
    );
    assert.notEqual(music.playbackState, 2, 'the replaced call does not start playing');
  });

  test('without a user it plays previews; with one, full length after the licence call', async () => {
    const { global, store } = runStandIn(t.origin, source);
    const music = await global.MusicKit.configure({ developerToken: fakeDeveloperToken() });
    const element = /** @type {any} */ (FakeAudio.made.at(-1));
    await music.setQueue({ song: '1000000001', startPlaying: true });
    assert.equal(element.src, `${t.origin}/audio/preview/1000000001.wav`);
    // 1000000002 has no preview, and no user means no full length.
    await assert.rejects(music.setQueue({ song: '1000000002', startPlaying: true }), { errorCode: 'AUTHORIZATION_ERROR' });

    store.set('music.team123456.media-user-token', t.userToken);
    /** @type {number[]} */
    const states = [];
    music.addEventListener('playbackStateDidChange', (/** @type {any} */ event) => states.push(event.state));
    await t.post('/_emulator/reset');
    await music.setQueue({ song: '1000000002', startPlaying: true });
    assert.equal(element.src, `${t.origin}/audio/full/1000000002.wav`);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(states.slice(-2), [1, 2], 'loading, then playing');
    const { requests } = await (await fetch(`${t.origin}/_emulator/requests?path=${LICENCE}`)).json();
    assert.deepEqual(
      requests.map((/** @type {any} */ r) => [r.method, r.status]),
      [['POST', 200]],
    );
  });

  test('library ids resolve with the stored token in Media-User-Token; a revoked token fails and unauthorizes', async () => {
    const { global, store } = runStandIn(t.origin, source);
    const music = await global.MusicKit.configure({ developerToken: fakeDeveloperToken() });
    const [song] = t.emulator.state.library.lists.songs;
    await assert.rejects(music.setQueue({ song: song.id }), { errorCode: 'AUTHORIZATION_ERROR' });
    const token = await t.issue(undefined);
    store.set('music.team123456.media-user-token', token);
    const queue = await music.setQueue({ song: song.id });
    assert.equal(queue.items[0].type, 'library-songs');
    const [album] = t.emulator.state.library.lists.albums;
    assert.equal((await music.setQueue({ album: album.id })).length, album.attributes.trackCount);
    const [playlist] = t.emulator.state.library.lists.playlists;
    assert.ok((await music.setQueue({ playlist: playlist.id })).length >= 8);

    /** @type {any[]} */
    const events = [];
    music.addEventListener('authorizationStatusDidChange', (/** @type {any} */ e) => events.push(['auth', e.authorizationStatus]));
    music.addEventListener('mediaPlaybackError', (/** @type {any} */ e) => events.push(['error', e.errorCode]));
    await t.post('/_emulator/revoke', { token });
    await assert.rejects(music.setQueue({ song: '1000000001', startPlaying: true }), { errorCode: 'AUTHORIZATION_ERROR' });
    assert.deepEqual(events, [
      ['auth', 0],
      ['error', 'AUTHORIZATION_ERROR'],
    ]);
    assert.equal(music.isAuthorized, false);
    assert.equal(store.get('music.team123456.media-user-token'), token, "the page's storage is the page's to clear");
  });

  test('unauthorize clears the MusicKit keys and reports not authorized', async () => {
    const { global, store } = runStandIn(t.origin, source);
    const music = await global.MusicKit.configure({ developerToken: fakeDeveloperToken() });
    for (const key of ['media-user-token', 'itre', 'itua', 'pldfltcid', 'pltvcid']) store.set(`music.team123456.${key}`, 'x');
    store.set('unrelated', 'kept');
    /** @type {any[]} */
    const statuses = [];
    music.addEventListener('authorizationStatusDidChange', (/** @type {any} */ e) => statuses.push(e.authorizationStatus));
    await music.unauthorize();
    assert.deepEqual([...store.keys()], ['unrelated']);
    assert.deepEqual(statuses, [0]);
  });

  test("loaded from Apple's CDN URL (a routed test), it calls Apple's hosts as MusicKit does", async () => {
    /** @type {string[]} */
    const calls = [];
    /** @type {typeof fetch} */
    const routed = (input, init) => {
      const url = new URL(String(input));
      calls.push(url.origin);
      return fetch(`${t.origin}${url.pathname}${url.search}`, init);
    };
    const { global, store } = runStandIn('https://js-cdn.music.apple.com', source, routed);
    const music = await global.MusicKit.configure({ developerToken: fakeDeveloperToken() });
    store.set('music.team123456.media-user-token', await t.issue(undefined));
    await music.setQueue({ song: '1000000001', startPlaying: true });
    await music.unauthorize();
    assert.deepEqual(calls, ['https://amp-api.music.apple.com', 'https://play.itunes.apple.com', 'https://buy.itunes.apple.com']);
  });

  test('setQueue refuses what is not an id, before any request', () => {
    assert.deepEqual(descriptorOf({ song: '1000000001' }), { kind: 'songs', ids: ['1000000001'] });
    assert.deepEqual(descriptorOf({ songs: ['1', 'i.abc'] }), { kind: 'songs', ids: ['1', 'i.abc'] });
    assert.deepEqual(descriptorOf({ album: 'l.abc' }), { kind: 'album', id: 'l.abc', library: true });
    assert.deepEqual(descriptorOf({ playlist: 'pl.0a1b' }), { kind: 'playlist', id: 'pl.0a1b', library: false });
    assert.deepEqual(descriptorOf({ url: 'https://music.apple.com/gb/playlist/x/pl.0a1b' }), {
      kind: 'playlist',
      id: 'pl.0a1b',
      library: false,
    });
    for (const bad of [
      undefined,
      {},
      { song: '../v1/me' },
      { songs: [] },
      { album: 'p.x' },
      { playlist: '12' },
      { url: 'nope' },
      { url: 'https://music.apple.com/us/artist/x/1' },
    ]) {
      assert.throws(() => descriptorOf(bad), { name: 'MKError', errorCode: 'INVALID_ARGUMENTS' }, JSON.stringify(bad));
    }
  });
});
