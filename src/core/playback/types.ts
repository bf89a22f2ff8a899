import type { LibraryResource } from '../../events.js';

/** What `am-playback-change` reports; MusicKit's many states folded into the five a UI shows. */
export type PlaybackState = 'loading' | 'playing' | 'paused' | 'ended' | 'stopped';

/** `preview`: Apple's ~30 s catalog preview in a native `<audio>`; `full`: Apple's MusicKit JS. */
export type PlaybackMode = 'preview' | 'full';

/** `<am-player mode>`: `auto` is full when possible, else preview. */
export type PlaybackModePreference = 'auto' | PlaybackMode;

/** Apple's artwork object; `url` holds `{w}`, `{h}` (and sometimes `{f}`) placeholders. */
export interface ArtworkLike {
  url: string;
  width?: number;
  height?: number;
}

/** One playable song or music video, from whatever resource or id it was asked for by. */
export interface PlaybackTrack {
  /** What MusicKit's `setQueue` plays: the catalog id, or the library id when there is no catalog twin (uploads). */
  id: string;
  /** The resource this track came from (`i.…` for library songs). */
  sourceId: string;
  title: string;
  artistName?: string;
  albumName?: string;
  artwork?: ArtworkLike;
  /** Apple's catalog preview (an `.m4a`, or `.m4v` for videos); absent for uploads and some songs. */
  previewUrl?: string;
  durationMs?: number;
}

/** Ids to play, as `<am-play-button>` takes them: catalog ids, or library ids (`i.…`, `l.…`, `p.…`). */
export interface PlayIds {
  songId?: string;
  albumId?: string;
  playlistId?: string;
}

/** Anything `player.play()` accepts: a resource (e.g. from `am-library-select`), ids, or resolved tracks. */
export type PlayRequest = LibraryResource | PlayIds | PlaybackTrack[];

export interface PlaybackSnapshot {
  state: PlaybackState;
  mode: PlaybackMode;
  item?: PlaybackTrack;
  /** Seconds into the current track. */
  position: number;
  /** Seconds; 0 while unknown. */
  duration: number;
}
