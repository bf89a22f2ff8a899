import type { PlaybackTrack } from './types.js';

export type OutputEvent =
  { type: 'state'; state: 'loading' | 'playing' | 'paused' | 'ended' | 'stopped' } | { type: 'time' } | { type: 'error'; error: unknown };

/** What the engine plays through: a native `<audio>` for previews, or MusicKit JS for full length. */
export interface PlaybackOutput {
  readonly mode: 'preview' | 'full';
  /** Starts `track`; the platform's play is called before this returns, inside the caller's task. */
  play(track: PlaybackTrack): Promise<void>;
  pause(): void;
  resume(): Promise<void>;
  stop(): void;
  seek(seconds: number): void;
  volume: number;
  readonly position: number;
  readonly duration: number;
}

/** Apple's catalog previews in one native `<audio>`: no token, no MusicKit. */
export class PreviewOutput implements PlaybackOutput {
  readonly mode = 'preview';
  readonly audio: HTMLAudioElement;

  constructor(onEvent: (event: OutputEvent) => void, doc: Document = document) {
    const audio = (this.audio = doc.createElement('audio'));
    audio.preload = 'auto';
    const on = (type: string, event: OutputEvent) => audio.addEventListener(type, () => onEvent(event));
    on('waiting', { type: 'state', state: 'loading' });
    on('playing', { type: 'state', state: 'playing' });
    audio.addEventListener('pause', () => {
      // `pause` also fires just before `ended`; ended is reported on its own.
      if (!audio.ended) onEvent({ type: 'state', state: 'paused' });
    });
    on('ended', { type: 'state', state: 'ended' });
    on('timeupdate', { type: 'time' });
    on('durationchange', { type: 'time' });
    audio.addEventListener('error', () => onEvent({ type: 'error', error: audio.error }));
  }

  play(track: PlaybackTrack): Promise<void> {
    this.audio.src = track.previewUrl ?? '';
    return this.audio.play();
  }

  pause(): void {
    this.audio.pause();
  }

  resume(): Promise<void> {
    return this.audio.play();
  }

  stop(): void {
    this.audio.pause();
    this.audio.removeAttribute('src');
    this.audio.load();
  }

  seek(seconds: number): void {
    this.audio.currentTime = seconds;
  }

  get volume(): number {
    return this.audio.volume;
  }

  set volume(value: number) {
    this.audio.volume = value;
  }

  get position(): number {
    return this.audio.currentTime || 0;
  }

  get duration(): number {
    return Number.isFinite(this.audio.duration) ? this.audio.duration : 0;
  }
}
