// An album or playlist opened in place: its tracks, and the way back to the row it came from.
import type { ReactiveControllerHost } from 'lit';
import type { AppleMusicApi } from '../../core/api-client.js';
import type { LibraryAlbum, LibraryItem, LibraryPlaylist } from '../../core/resources.js';
import { LibraryLoader, type LoaderEvents } from './library-loader.js';
import type { ScrollPosition } from './window-controller.js';

/** Where the list was when an item was opened: restored on the way back. */
export interface ListPlace {
  position: ScrollPosition;
  /** The row that held the keyboard position. */
  index: number;
}

/** Whether activating `item` opens its tracks: a library album or playlist. */
export const opensTracks = (item: LibraryItem | undefined): item is LibraryAlbum | LibraryPlaylist =>
  !!item && (item.type === 'library-albums' || item.type === 'library-playlists') && typeof item.id === 'string';

/**
 * The opened album or playlist and its tracks' loader. `open()` remembers where the list
 * was; `close()` forgets the tracks and hands that place back.
 */
export class DrillDown {
  /** The album or playlist whose tracks are shown, if any. */
  opened?: LibraryAlbum | LibraryPlaylist;
  readonly tracks: LibraryLoader;

  readonly #host: ReactiveControllerHost;
  #place?: ListPlace;

  constructor(host: ReactiveControllerHost, events: LoaderEvents) {
    this.#host = host;
    this.tracks = new LibraryLoader(host, events);
  }

  /** Shows the tracks of `item`, remembering `place`. */
  open(
    api: AppleMusicApi | undefined,
    item: LibraryAlbum | LibraryPlaylist,
    place: ListPlace,
    options: { pageSize?: number; catalog?: boolean },
  ): void {
    this.opened = item;
    this.#place = place;
    this.tracks.start(api, { type: 'songs', parent: item.id, ...options });
    this.#host.requestUpdate();
  }

  /** Back to the list: returns where it was, or undefined when nothing was open. */
  close(): ListPlace | undefined {
    if (!this.opened) return undefined;
    const place = this.#place;
    this.opened = this.#place = undefined;
    this.tracks.start(undefined, { type: 'songs' });
    this.#host.requestUpdate();
    return place;
  }

  /** The number of tracks, as soon as it is known: the album's `trackCount`, else Apple's total. */
  get count(): number | undefined {
    const { total } = this.tracks;
    if (total !== undefined) return total;
    const count = (this.opened?.attributes as { trackCount?: unknown } | undefined)?.trackCount;
    return typeof count === 'number' && count >= 0 ? count : undefined;
  }
}
