// @ts-check
// MusicKit stand-in, part 2 of 2: the global `MusicKit` and its instance. It has only the part
// of MusicKit JS v3's public API that am-elements calls (cli/emulator/README.md lists it) and
// nothing Apple's API lacks, so code that runs against it runs against Apple's.
//
// No DRM: Apple's player decrypts full-length songs through EME (FairPlay, Widevine or
// PlayReady). This one plays the emulator's generated, unencrypted audio in a plain <audio>.
// Written for this project; no code of Apple's.
import { MKError, Queue, ItemSource, descriptorOf, mediaItem, storage, teamIdOf } from './items.js';

/** @typedef {import('./items.js').MediaItem} MediaItem */

/**
 * Where the stand-in's calls go: the origin it was loaded from (the emulator). Loaded from
 * Apple's CDN URL (a test that routes Apple's hostnames to the emulator), it calls Apple's
 * hosts as MusicKit does, and the same routing brings those calls to the emulator.
 */
const HOSTS = (() => {
  const script = document.currentScript;
  const origin = script instanceof HTMLScriptElement && script.src ? new URL(script.src).origin : location.origin;
  if (origin !== 'https://js-cdn.music.apple.com') return { api: origin, play: origin, buy: origin };
  return { api: 'https://amp-api.music.apple.com', play: 'https://play.itunes.apple.com', buy: 'https://buy.itunes.apple.com' };
})();

/** MusicKit's playback states (Apple's numbers: 7 is unused). */
const States = { none: 0, loading: 1, playing: 2, paused: 3, stopped: 4, ended: 5, seeking: 6, waiting: 8, stalled: 9, completed: 10 };
/** As a TypeScript numeric enum, as Apple's is: names to numbers and numbers to names. */
const PlaybackStates = Object.freeze(
  Object.fromEntries(
    Object.entries(States).flatMap(([name, value]) => [
      [name, value],
      [value, name],
    ]),
  ),
);
const ACTIVE = [States.loading, States.playing, States.waiting, States.seeking];
/** MusicKit's authorization status once there is no usable Music User Token. */
const NOT_DETERMINED = 0;
/** The keys MusicKit keeps under `music.<team id>.` (am-elements writes the same). */
const STORAGE_KEYS = ['media-user-token', 'itre', 'itua', 'pldfltcid', 'pltvcid'];

class MusicKitInstance {
  /** @type {Map<string, Set<Function>>} */ #listeners = new Map();
  #developerToken;
  #prefix;
  #storefrontId;
  #items;
  #audio = new Audio();
  #queue = new Queue([]);
  #state = States.none;
  /** @type {Promise<{url?: string, error?: any}>} the current item's audio, found ahead of play() */
  #source = Promise.resolve({});
  /** @type {MediaItem | undefined} the item whose audio is in the element */
  #loaded;
  /** Bumped by every call that supersedes a pending play or queue. */
  #request = 0;
  /** @type {string | undefined} a token the emulator refused: not authorized until another is stored */
  #refusedToken;
  previewOnly = false;

  /** @param {string} developerToken @param {string} iss @param {unknown} storefrontId */
  constructor(developerToken, iss, storefrontId) {
    this.#developerToken = developerToken;
    this.#prefix = `music.${iss.toLowerCase()}`;
    const storefront = String(storefrontId || storage.get(`${this.#prefix}.itua`) || 'us').toLowerCase();
    this.#storefrontId = /^[a-z]{2}$/.test(storefront) ? storefront : 'us';
    this.#items = new ItemSource(
      HOSTS,
      developerToken,
      () => this.musicUserToken,
      (token) => this.#refuse(token),
    );
    const audio = this.#audio;
    audio.preload = 'auto';
    audio.addEventListener('playing', () => this.#setState(States.playing));
    audio.addEventListener('waiting', () => this.#state === States.playing && this.#setState(States.waiting));
    // Pauses nobody asked this instance for (media keys, the system); its own set the state first.
    audio.addEventListener(
      'pause',
      () => !audio.ended && [States.playing, States.waiting].includes(this.#state) && this.#setState(States.paused),
    );
    audio.addEventListener('timeupdate', () =>
      this.#emit('playbackTimeDidChange', {
        currentPlaybackTime: this.currentPlaybackTime,
        currentPlaybackDuration: this.currentPlaybackDuration,
        currentPlaybackTimeRemaining: Math.max(0, this.currentPlaybackDuration - this.currentPlaybackTime),
      }),
    );
    audio.addEventListener('ended', () => this.#ended());
    audio.addEventListener('error', () => this.#loaded && this.#fail(new MKError('MEDIA_PLAYBACK', 'The audio could not be played')));
  }

  get storefrontId() {
    return this.#storefrontId;
  }
  /** Read from storage each time, so a sign-in stored by am-elements counts at once. */
  get musicUserToken() {
    const token = storage.get(`${this.#prefix}.media-user-token`);
    return token && token !== this.#refusedToken ? token : undefined;
  }
  get isAuthorized() {
    return !!this.musicUserToken;
  }
  get playbackState() {
    return this.#state;
  }
  get queue() {
    return this.#queue;
  }
  get nowPlayingItem() {
    return this.#queue.items[this.#queue.position];
  }
  get currentPlaybackTime() {
    return this.#loaded ? this.#audio.currentTime : 0;
  }
  get currentPlaybackDuration() {
    const duration = this.#audio.duration;
    return this.#loaded && Number.isFinite(duration) ? duration : (this.nowPlayingItem?.playbackDuration ?? 0) / 1000;
  }
  get volume() {
    return this.#audio.volume;
  }
  set volume(value) {
    if (Number.isFinite(value)) this.#audio.volume = Math.min(1, Math.max(0, Number(value)));
  }

  /** @param {string} name @param {Function} listener */
  addEventListener(name, listener) {
    if (typeof listener !== 'function') return;
    if (!this.#listeners.has(name)) this.#listeners.set(name, new Set());
    this.#listeners.get(name)?.add(listener);
  }
  /** @param {string} name @param {Function} listener */
  removeEventListener(name, listener) {
    this.#listeners.get(name)?.delete(listener);
  }

  /** @param {any} options */
  async setQueue(options) {
    const descriptor = descriptorOf(options);
    const request = this.#halt();
    const resources = await this.#items.resolve(descriptor, this.#storefrontId);
    if (request !== this.#request) throw new DOMException('A newer call replaced this setQueue', 'AbortError');
    if (!resources.length) throw new MKError('CONTENT_UNAVAILABLE', 'Nothing to play');
    const queue = (this.#queue = new Queue(resources.map(mediaItem)));
    this.#emit('nowPlayingItemDidChange', { item: this.nowPlayingItem });
    await this.#prepare();
    if (request !== this.#request) throw new DOMException('A newer call replaced this setQueue', 'AbortError');
    if (options.startPlaying) await this.play();
    return queue;
  }

  /** Starts or resumes. Once the queue is ready, the element's play() runs in the caller's task. */
  async play() {
    const item = this.nowPlayingItem;
    if (!item || this.#state === States.playing) return;
    if (this.#loaded !== item) {
      const request = ++this.#request;
      this.#setState(States.loading);
      const source = await this.#source;
      if (request !== this.#request) return;
      if (source.error) {
        this.#fail(source.error);
        throw source.error;
      }
      this.#loaded = item;
      this.#audio.src = /** @type {string} */ (source.url);
    }
    try {
      await this.#audio.play();
    } catch (error) {
      if (/** @type {Error} */ (error).name === 'AbortError') return; // a newer load replaced it
      this.#setState(States.paused);
      throw error;
    }
  }

  async pause() {
    this.#request++;
    if (!ACTIVE.includes(this.#state)) return;
    this.#setState(States.paused);
    this.#audio.pause();
  }

  async stop() {
    this.#request++;
    this.#audio.pause();
    if (this.#loaded) this.#audio.currentTime = 0;
    if (this.nowPlayingItem) this.#setState(States.stopped);
  }

  /** @param {number} seconds */
  async seekToTime(seconds) {
    const audio = this.#audio;
    if (!this.#loaded || !Number.isFinite(seconds)) return;
    const target = Math.max(0, Math.min(Number(seconds), this.currentPlaybackDuration));
    if (audio.readyState === 0) return void (audio.currentTime = target);
    const before = this.#state;
    this.#setState(States.seeking);
    await new Promise((resolve) => {
      audio.addEventListener('seeked', resolve, { once: true });
      audio.currentTime = target;
    });
    const settled = before === States.playing || before === States.seeking ? States.paused : before;
    if (this.#state === States.seeking) this.#setState(audio.paused ? settled : States.playing);
  }

  async skipToNextItem() {
    if (this.#queue.position < this.#queue.length - 1) await this.#moveTo(this.#queue.position + 1);
  }

  async skipToPreviousItem() {
    if (this.#queue.position > 0) await this.#moveTo(this.#queue.position - 1);
    else await this.seekToTime(0);
  }

  /** Signs out as MusicKit v3 (2026) does: tells Apple (here: the emulator), then clears the keys. */
  async unauthorize() {
    const token = storage.get(`${this.#prefix}.media-user-token`);
    this.#halt();
    if (token) {
      await fetch(`${HOSTS.buy}/account/web/logout`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.#developerToken}`, 'Media-User-Token': token, Accept: 'application/json' },
        credentials: 'include',
        redirect: 'error',
      }).catch(() => undefined);
    }
    for (const key of STORAGE_KEYS) storage.remove(`${this.#prefix}.${key}`);
    this.#emit('authorizationStatusDidChange', { authorizationStatus: NOT_DETERMINED });
  }

  /** Stops what plays and empties the element; returns the new request number. */
  #halt() {
    const audio = this.#audio;
    audio.pause();
    if (this.#loaded) {
      this.#loaded = undefined;
      audio.removeAttribute('src');
      audio.load();
    }
    if (ACTIVE.includes(this.#state)) this.#setState(States.stopped);
    return ++this.#request;
  }

  /** @param {number} index */
  async #moveTo(index, autoplay = ACTIVE.includes(this.#state)) {
    this.#halt();
    this.#queue.position = index;
    this.#emit('nowPlayingItemDidChange', { item: this.nowPlayingItem });
    await this.#prepare();
    if (autoplay) await this.play();
  }

  #ended() {
    this.#setState(States.ended);
    if (this.#queue.position < this.#queue.length - 1) {
      this.#moveTo(this.#queue.position + 1, true).catch(() => undefined); // #fail has reported it
    } else {
      this.#setState(States.completed);
    }
  }

  #prepare() {
    const item = /** @type {MediaItem} */ (this.nowPlayingItem);
    this.#source = this.#items.audioUrl(item, this.previewOnly).then(
      (url) => ({ url }),
      (error) => ({ error }),
    );
    return this.#source;
  }

  /** @param {any} error */
  #fail(error) {
    this.#loaded = undefined;
    this.#emit('mediaPlaybackError', error);
    this.#setState(States.stopped);
  }

  /** @param {string} token */
  #refuse(token) {
    if (this.#refusedToken === token) return;
    this.#refusedToken = token;
    this.#emit('authorizationStatusDidChange', { authorizationStatus: NOT_DETERMINED });
  }

  /** @param {number} state */
  #setState(state) {
    const oldState = this.#state;
    if (state === oldState) return;
    this.#state = state;
    this.#emit('playbackStateDidChange', { oldState, state, nowPlayingItem: this.nowPlayingItem });
  }

  /** @param {string} name @param {unknown} payload */
  #emit(name, payload) {
    for (const listener of [...(this.#listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        setTimeout(() => {
          throw error; // a listener's bug is the page's to see, not ours to swallow
        });
      }
    }
  }
}

/** @type {MusicKitInstance | undefined} */
let musicKitInstance;

/** @param {{developerToken: string, app?: {name?: string, build?: string}, storefrontId?: string}} configuration */
async function configure(configuration) {
  const iss = teamIdOf(configuration?.developerToken);
  if (!iss) throw new MKError('CONFIGURATION_ERROR', 'developerToken must be a JWT whose payload has an iss (team id)');
  musicKitInstance?.stop();
  musicKitInstance = new MusicKitInstance(configuration.developerToken, iss, configuration.storefrontId);
  return musicKitInstance;
}

/** @type {any} */ (window).MusicKit = Object.freeze({ configure, getInstance: () => musicKitInstance, PlaybackStates });
document.dispatchEvent(new CustomEvent('musickitloaded'));
