// One playback engine per provider (`provider.player`): a queue, a mode and a state, played
// through a native <audio> (previews) or Apple's MusicKit JS (full length). No Lit, no DOM tree.
import type { AppleMusicApi } from '../api-client.js';
import { hasDrmKeySystem } from './drm.js';
import { MediaSessionBridge } from './media-session.js';
import { MUSICKIT_LOAD_TIMEOUT_MS, MusicKitOutput } from './musickit-output.js';
import { PreviewOutput, type OutputEvent, type PlaybackOutput } from './preview-output.js';
import { requestKey, resolveTracks, tracksAtHand } from './resolve.js';
import type { PlaybackMode, PlaybackModePreference, PlaybackSnapshot, PlaybackState, PlaybackTrack, PlayRequest } from './types.js';

export type PlaybackErrorCode = 'preview-unavailable' | 'drm-unavailable' | 'musickit-unavailable' | 'autoplay-blocked' | 'playback-failed';

/** What the engine needs from its provider. */
export interface PlaybackHost {
  readonly api: AppleMusicApi;
  readonly isAuthorized: boolean;
  readonly storefrontId: string;
  readonly musickitUrl: string;
  readonly appName: string;
  readonly appBuild: string;
  developerToken(): Promise<string>;
  /** Every state change, once (`am-playback-change`). */
  onChange(snapshot: PlaybackSnapshot): void;
  onError(code: PlaybackErrorCode, message: string): void;
  /** MusicKit says the user is no longer signed in (its token was revoked). */
  onSignedOutByMusicKit(): void;
}

/** `preload`: when MusicKit JS is loaded for a signed-in user. */
export type PreloadPolicy = 'intent' | 'idle' | 'none';

export class PlaybackEngine {
  /** `auto`: full length when possible, else previews. */
  modePreference: PlaybackModePreference = 'auto';
  preload: PreloadPolicy = 'intent';
  /** How long MusicKit JS may take to load before previews play instead. */
  musicKitTimeoutMs = MUSICKIT_LOAD_TIMEOUT_MS;
  /** The browser refused to start audio without a fresh tap: controls say "tap to play". */
  needsTap = false;
  #state: PlaybackState = 'stopped';
  #queue: PlaybackTrack[] = [];
  #index = 0;
  #key?: string;
  #output?: PlaybackOutput;
  #preview?: PreviewOutput;
  #full?: Promise<MusicKitOutput | undefined>;
  #fullReady?: MusicKitOutput;
  #volume = 1;
  /** Fallbacks are reported once per page: the reason does not change between clicks. */
  readonly #reported = new Set<PlaybackErrorCode>();
  readonly #listeners = new Set<() => void>();
  /** Tracks resolved ahead of the click (`prepare`), by request key; a handful at most. */
  readonly #prepared = new Map<string, PlaybackTrack[]>();
  readonly #mediaSession = new MediaSessionBridge(this);

  constructor(private readonly host: PlaybackHost) {}

  get state(): PlaybackState {
    return this.#state;
  }

  get mode(): PlaybackMode {
    return this.#output?.mode ?? 'preview';
  }

  get nowPlaying(): PlaybackTrack | undefined {
    return this.#state === 'stopped' ? undefined : this.#queue[this.#index];
  }

  get queue(): readonly PlaybackTrack[] {
    return this.#queue;
  }

  /** The id the last `play()` was asked for (a resource's, or the first of its ids). */
  get requestKey(): string | undefined {
    return this.#key;
  }

  get position(): number {
    return this.#output?.position ?? 0;
  }

  get duration(): number {
    return this.#output?.duration || (this.nowPlaying?.durationMs ?? 0) / 1000;
  }

  get volume(): number {
    return this.#volume;
  }

  set volume(value: number) {
    this.#volume = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 1));
    if (this.#output) this.#output.volume = this.#volume;
    this.#notify();
  }

  /** Calls `listener` on every change, time updates included; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * A play control for `request` was hovered or focused: resolve its tracks now, so that the
   * click can start audio inside its own task (Safari's rule) instead of after a fetch.
   */
  prepare(request: PlayRequest): void {
    const key = requestKey(request);
    if (!key || tracksAtHand(request) || this.#prepared.has(key)) return;
    resolveTracks(this.host.api, request).then(
      (tracks) => {
        if (this.#prepared.size >= 20) this.#prepared.delete(this.#prepared.keys().next().value!);
        this.#prepared.set(key, tracks);
      },
      () => undefined, // The click will try again, and report what fails then.
    );
  }

  /** A play control was hovered or focused, or the user signed in: get MusicKit ready before the click. */
  warmUp(reason: 'intent' | 'signed-in' = 'intent'): void {
    if (this.preload === 'none' || this.modePreference === 'preview' || !this.host.isAuthorized) return;
    if (this.preload === 'idle' && reason === 'intent') return;
    void this.#loadFull();
  }

  /**
   * Plays `request`. Call it from the click: when the tracks and the output are at hand the
   * platform's play starts inside that task, as Safari requires; otherwise they are fetched first.
   */
  play(request: PlayRequest): Promise<void> {
    this.#key = requestKey(request);
    const tracks = tracksAtHand(request) ?? (this.#key !== undefined ? this.#prepared.get(this.#key) : undefined);
    const output = this.#outputNow();
    if (tracks && output) return this.#start(tracks, 0, output);
    this.#setState('loading');
    return (async () => {
      try {
        const [resolved, chosen] = await Promise.all([tracks ?? resolveTracks(this.host.api, request), output ?? this.#chooseOutput()]);
        await this.#start(resolved, 0, chosen);
      } catch (error) {
        this.#fail('playback-failed', `Could not play: ${(error as Error)?.message ?? error}`);
      }
    })();
  }

  pause(): void {
    this.#output?.pause();
  }

  async resume(): Promise<void> {
    if (!this.#output || this.#state === 'stopped') return;
    if (this.#state === 'ended') return this.#start(this.#queue, 0, this.#output);
    await this.#output.resume().catch((error: unknown) => this.#playRefused(error));
  }

  seek(seconds: number): void {
    const duration = this.duration;
    if (!this.#output || !Number.isFinite(seconds)) return;
    this.#output.seek(Math.max(0, duration ? Math.min(seconds, duration) : seconds));
    this.#notify();
  }

  next(): void {
    if (this.#output && this.#index + 1 < this.#queue.length) void this.#playAt(this.#index + 1, 1);
  }

  previous(): void {
    if (!this.#output) return;
    // As on every player: back to the start first, to the previous track when already there.
    if (this.position > 3 || this.#index === 0) this.seek(0);
    else void this.#playAt(this.#index - 1, -1);
  }

  stop(): void {
    this.#output?.stop();
    this.#setState('stopped');
  }

  /** The provider's status changed: signing out ends full-length playback. */
  authorizationChanged(isAuthorized: boolean): void {
    if (isAuthorized) return this.warmUp('signed-in');
    if (this.#output?.mode === 'full') this.stop();
  }

  /** The output to use right now, if it can be known without waiting. */
  #outputNow(): PlaybackOutput | undefined {
    if (this.modePreference === 'preview' || !this.host.isAuthorized) return this.#previewOutput();
    if (this.#fullReady?.isAuthorized) return this.#fullReady;
    return undefined;
  }

  async #chooseOutput(): Promise<PlaybackOutput> {
    return this.#outputNow() ?? (await this.#loadFull()) ?? this.#previewOutput();
  }

  /** Loads and configures MusicKit once; undefined (after one `am-error`) when full length is impossible here. */
  #loadFull(): Promise<MusicKitOutput | undefined> {
    this.#full ??= (async () => {
      if (!(await hasDrmKeySystem())) {
        this.#report('drm-unavailable', 'This browser cannot play DRM-protected audio: playing previews instead of full length.');
        return undefined;
      }
      try {
        const { musickitUrl, appName, appBuild, storefrontId } = this.host;
        const developerToken = await this.host.developerToken();
        const options = { url: musickitUrl, developerToken, appName, appBuild, storefrontId, timeoutMs: this.musicKitTimeoutMs };
        return (this.#fullReady = await MusicKitOutput.create(options, (event) => this.#onOutput('full', event)));
      } catch (error) {
        this.#full = undefined; // A later click may try again.
        this.#report('musickit-unavailable', `${(error as Error)?.message ?? error} Playing previews instead of full length.`);
        return undefined;
      }
    })();
    return this.#full;
  }

  #previewOutput(): PreviewOutput {
    return (this.#preview ??= new PreviewOutput((event) => this.#onOutput('preview', event)));
  }

  #start(tracks: PlaybackTrack[], index: number, output: PlaybackOutput): Promise<void> {
    if (this.#output && this.#output !== output) this.#output.stop();
    this.#output = output;
    output.volume = this.#volume;
    this.#queue = tracks;
    return this.#playAt(index, 1);
  }

  /** Plays the queue from `index`, stepping in `direction` past tracks this output cannot play. */
  #playAt(index: number, direction: 1 | -1): Promise<void> {
    const output = this.#output!;
    let at = index;
    while (output.mode === 'preview' && this.#queue[at] && !this.#queue[at].previewUrl) at += direction;
    const track = this.#queue[at];
    if (!track) {
      this.#fail(
        'preview-unavailable',
        this.#queue.length ? 'Apple has no preview of this item; full length needs a signed-in subscriber.' : 'Nothing to play.',
      );
      return Promise.resolve();
    }
    this.#index = at;
    this.#setState('loading');
    return output.play(track).catch((error: unknown) => this.#playRefused(error));
  }

  #playRefused(error: unknown): void {
    if ((error as { name?: string })?.name === 'NotAllowedError') {
      this.#report('autoplay-blocked', 'The browser needs a tap or click to start audio.', true);
      this.needsTap = true;
      this.#setState('paused');
    } else if ((error as { name?: string })?.name !== 'AbortError') {
      this.#fail('playback-failed', `Playback failed: ${(error as Error)?.message ?? error}`);
    }
  }

  #onOutput(from: PlaybackMode, event: OutputEvent | { type: 'signed-out' }): void {
    if (event.type === 'signed-out') return this.host.onSignedOutByMusicKit();
    if (this.#output?.mode !== from) return; // The other output, winding down.
    if (event.type === 'time') return this.#notify();
    if (event.type === 'error') return this.#fail('playback-failed', 'The audio could not be played.');
    if (this.#state === 'stopped' && event.state !== 'playing') return;
    if (event.state === 'ended' && this.#index + 1 < this.#queue.length) return void this.#playAt(this.#index + 1, 1);
    this.#setState(event.state);
  }

  #fail(code: PlaybackErrorCode, message: string): void {
    this.#report(code, message, true);
    this.#setState('stopped');
  }

  #report(code: PlaybackErrorCode, message: string, everyTime = false): void {
    if (!everyTime && this.#reported.has(code)) return;
    this.#reported.add(code);
    this.host.onError(code, message);
  }

  #setState(state: PlaybackState): void {
    if (state === 'playing') this.needsTap = false;
    const changed = state !== this.#state;
    this.#state = state;
    this.#mediaSession.update(this.nowPlaying, state);
    if (changed) this.host.onChange({ state, mode: this.mode, item: this.nowPlaying, position: this.position, duration: this.duration });
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
