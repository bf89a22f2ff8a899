import type { PropertyDeclarations } from 'lit';
import type { LibraryResource, LibraryType } from '../../events.js';
import { LibraryListTexts } from './list-texts.js';

/** The attributes and properties of `<am-library-list>` that say what it lists and how. */
export class LibraryListAttributes extends LibraryListTexts {
  static override properties: PropertyDeclarations = {
    type: { reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    limit: { type: Number },
    parent: {},
    drillDown: { attribute: 'drill-down', type: Boolean },
    query: {},
    playable: { type: Boolean },
    renderItem: { attribute: false },
    listLabel: { attribute: 'aria-label' },
    colorScheme: { attribute: 'color-scheme', reflect: true },
  };

  /** What to list: `albums`, `songs`, `playlists`, `artists`, `music-videos` or `recently-added`. */
  type: LibraryType = 'albums';

  /** Items per request: 1–100 (Apple's maximum, and the default); at most 25 for `recently-added` and searches, Apple's limit there. */
  pageSize = 100;

  /** Stop after this many items. */
  declare limit?: number;

  /** A library album (`l.…`) or playlist (`p.…`) id: list its tracks, every page, instead of `type` (`query` is then ignored). */
  declare parent?: string;

  /** Activating an album or playlist row opens its tracks in place, under a header with a back button. */
  drillDown = false;

  /** Searches the library for `type` (not `recently-added`) with this term, 250 ms after the last change; blank lists everything. */
  declare query?: string;

  /** Activating a row also plays it through the provider's player (songs and videos play their catalog preview, or in full through MusicKit). */
  playable = false;

  /**
   * Renders a custom row for `item` (the `index`-th). Whatever it returns goes inside the
   * `part="item"` row, which keeps focus, selection and virtualization; rows must keep the
   * fixed `--am-row-height`. Strings are rendered as text.
   */
  renderItem?: (item: LibraryResource, index: number) => unknown;

  /** The accessible name of the list, taken from the host's `aria-label`. */
  declare listLabel?: string;

  /**
   * Paints the list's own surface and text (`--am-surface`, `--am-text`) in this colour scheme
   * (`auto` follows `prefers-color-scheme`). Unset, the list is transparent and inherits the
   * page's colours and CSS `color-scheme`.
   */
  declare colorScheme?: 'light' | 'dark' | 'auto';

}
