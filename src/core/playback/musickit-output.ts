// Full-length playback through Apple's MusicKit JS, loaded from Apple's CDN only when needed
// and never bundled (docs/protocol.md, "Full-length playback"). Only MusicKit v3's public API
// is used, so Apple's script and the emulator's stand-in behave alike.
import type { OutputEvent, PlaybackOutput } from './preview-output.js';
import type { PlaybackTrack } from './types.js';

export const DEFAULT_MUSICKIT_URL = 'https://js-cdn.music.apple.com/musickit/v3/musickit.js';
export const MUSICKIT_LOAD_TIMEOUT_MS = 15_000;

/** The part of a MusicKit v3 instance we call. */
interface MusicKitInstance {
  setQueue(options: { song: string; startPlaying?: boolean }): Promise<unknown>;
  play(): Promise<unknown>;
  pause(): void;
  stop(): void;
  seekToTime(seconds: number): Promise<unknown>;
  volume: number;
  readonly isAuthorized: boolean;
  readonly currentPlaybackTime: number;
  readonly currentPlaybackDuration: number;
  addEventListener(name: string, listener: (event: Record<string, unknown>) => void): void;
}

interface MusicKitGlobal {
  configure(options: { developerToken: string; app: { name: string; build: string }; storefrontId?: string }): Promise<MusicKitInstance>;
}

// MusicKit.PlaybackStates: none 0, loading 1, playing 2, paused 3, stopped 4, ended 5,
// seeking 6, waiting 8, stalled 9, completed 10.
const STATES: Record<number, Extract<OutputEvent, { type: 'state' }>['state']> = {
  1: 'loading',
  2: 'playing',
  3: 'paused',
  4: 'stopped',
  5: 'ended',
  6: 'loading',
  8: 'loading',
  9: 'loading',
  10: 'ended',
};

const loads = new Map<string, Promise<MusicKitGlobal>>();

/**
 * Loads MusicKit JS from `url` once per page: resolves when `MusicKit` is ready (it announces
 * itself with `musickitloaded` on `document`, or may already have), rejects when the script
 * fails (blocked, offline) or takes longer than `timeoutMs`.
 */
export function loadMusicKit(url: string, timeoutMs = MUSICKIT_LOAD_TIMEOUT_MS, win: Window = window): Promise<MusicKitGlobal> {
  const ready = () => (win as unknown as { MusicKit?: MusicKitGlobal }).MusicKit;
  let load = loads.get(url);
  if (!load) {
    load = new Promise<MusicKitGlobal>((resolve, reject) => {
      const doc = win.document;
      const timer = setTimeout(() => reject(new Error(`MusicKit JS did not load within ${timeoutMs / 1000} s.`)), timeoutMs);
      const done = () => {
        const musicKit = ready();
        if (!musicKit || typeof musicKit.configure !== 'function') return;
        clearTimeout(timer);
        resolve(musicKit);
      };
      doc.addEventListener('musickitloaded', done, { once: true });
      if (ready()) return done();
      const script = doc.createElement('script');
      script.src = url;
      script.async = true;
      script.addEventListener('load', done);
      script.addEventListener('error', () => {
        clearTimeout(timer);
        reject(new Error('MusicKit JS could not be loaded (blocked or offline).'));
      });
      doc.head.append(script);
    });
    // A failed load may be tried again later (the network came back, an extension was allowed).
    load.catch(() => loads.delete(url));
    loads.set(url, load);
  }
  return load;
}

export interface MusicKitOptions {
  url: string;
  developerToken: string;
  appName: string;
  appBuild: string;
  storefrontId?: string;
  timeoutMs?: number;
}

/** Plays through a configured MusicKit instance; it reads the Music User Token from the keys the provider writes. */
export class MusicKitOutput implements PlaybackOutput {
  readonly mode = 'full';

  private constructor(
    private readonly music: MusicKitInstance,
    onEvent: (event: OutputEvent | { type: 'signed-out' }) => void,
  ) {
    music.addEventListener('playbackStateDidChange', (event) => {
      const state = STATES[Number(event.state)];
      if (state) onEvent({ type: 'state', state });
    });
    music.addEventListener('playbackTimeDidChange', () => onEvent({ type: 'time' }));
    music.addEventListener('playbackDurationDidChange', () => onEvent({ type: 'time' }));
    music.addEventListener('mediaPlaybackError', (event) => onEvent({ type: 'error', error: event }));
    music.addEventListener('authorizationStatusDidChange', () => {
      if (!music.isAuthorized) onEvent({ type: 'signed-out' });
    });
  }

  static async create(options: MusicKitOptions, onEvent: (event: OutputEvent | { type: 'signed-out' }) => void): Promise<MusicKitOutput> {
    const musicKit = await loadMusicKit(options.url, options.timeoutMs);
    const music = await musicKit.configure({
      developerToken: options.developerToken,
      app: { name: options.appName, build: options.appBuild },
      storefrontId: options.storefrontId,
    });
    return new MusicKitOutput(music, onEvent);
  }

  get isAuthorized(): boolean {
    return this.music.isAuthorized;
  }

  async play(track: PlaybackTrack): Promise<void> {
    await this.music.setQueue({ song: track.id, startPlaying: true });
  }

  pause(): void {
    this.music.pause();
  }

  async resume(): Promise<void> {
    await this.music.play();
  }

  stop(): void {
    this.music.stop();
  }

  seek(seconds: number): void {
    void this.music.seekToTime(seconds);
  }

  get volume(): number {
    return this.music.volume;
  }

  set volume(value: number) {
    this.music.volume = value;
  }

  get position(): number {
    return this.music.currentPlaybackTime || 0;
  }

  get duration(): number {
    return this.music.currentPlaybackDuration || 0;
  }
}
