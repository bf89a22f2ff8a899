import { artworkUrl } from '../artwork.js';
import type { PlaybackState, PlaybackTrack } from './types.js';

export interface MediaSessionControls {
  resume(): void;
  pause(): void;
  seek(seconds: number): void;
  next(): void;
  previous(): void;
}

/**
 * Lock screens, headsets and keyboards' media keys: the Media Session metadata of the track
 * and handlers for its actions. A browser without the API (or refusing an action) is skipped.
 */
export class MediaSessionBridge {
  #handlersSet = false;

  constructor(
    private readonly controls: MediaSessionControls,
    private readonly nav: Navigator = navigator,
  ) {}

  update(track: PlaybackTrack | undefined, state: PlaybackState): void {
    const session = this.nav.mediaSession;
    if (!session || typeof MediaMetadata !== 'function') return;
    if (!this.#handlersSet) this.#setHandlers(session);
    session.playbackState = state === 'playing' ? 'playing' : state === 'paused' || state === 'loading' ? 'paused' : 'none';
    if (!track) {
      session.metadata = null;
      return;
    }
    if (session.metadata?.title === track.title && session.metadata.artist === (track.artistName ?? '')) return;
    const artwork = track.artwork
      ? [96, 256, 512].map((size) => ({ src: artworkUrl(track.artwork!, size), sizes: `${size}x${size}` }))
      : [];
    session.metadata = new MediaMetadata({ title: track.title, artist: track.artistName ?? '', album: track.albumName ?? '', artwork });
  }

  #setHandlers(session: MediaSession): void {
    this.#handlersSet = true;
    const { controls } = this;
    const actions: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => controls.resume()],
      ['pause', () => controls.pause()],
      ['previoustrack', () => controls.previous()],
      ['nexttrack', () => controls.next()],
      ['seekto', (details) => details.seekTime !== undefined && controls.seek(details.seekTime)],
    ];
    for (const [action, handler] of actions) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // This browser does not support the action.
      }
    }
  }
}
