// The list's markup: rows, the built-in row, the state panels and the header of an opened
// album or playlist. Library strings only ever reach the page as text.
import { html, nothing } from 'lit';
import { artworkUrl } from '../../core/artwork.js';
import type { Artwork } from '../../core/resources.js';
import type { LibraryResource } from '../../events.js';
import { countText, isUpload, rowArtwork, rowText } from './rows.js';
import type { LoadState } from './library-loader.js';
import type { RowRange } from './virtual-window.js';

/**
 * The rows of `range` (`role=listitem`, numbered for assistive technology out of `setSize`,
 * -1 while unknown), each holding `content(item, index)`; only `tabStop` is tabbable.
 */
export function rows(
  items: readonly LibraryResource[],
  { start, end }: RowRange,
  tabStop: number,
  setSize: number,
  content: (item: LibraryResource, index: number) => unknown,
) {
  return items.slice(start, end).map((item, k) => {
    const i = start + k;
    // No whitespace inside the row: custom rows own all of its text.
    return html`<div
      part="item"
      role="listitem"
      tabindex=${i === tabStop ? 0 : -1}
      aria-posinset=${i + 1}
      aria-setsize=${setSize}
    >${content(item, i)}</div>`;
  });
}

export interface ListPartOptions {
  items: readonly LibraryResource[];
  range: RowRange;
  tabStop: number;
  /** How many rows there will be, when known. */
  total?: number;
  state: LoadState;
  /** Scrolling cannot load more: show "Load more". */
  stuck: boolean;
  label?: string;
  texts: { loadingText: string; loadMoreText: string };
  row: (item: LibraryResource, index: number) => unknown;
  on: {
    measure(): void;
    onKeyDown(event: KeyboardEvent): void;
    onClick(event: Event): void;
    onFocusIn(event: FocusEvent): void;
    warmUp(): void;
    loadMore(): void;
  };
}

/** The scrolling list of rows, and "Load more" while more remains. */
export function listPart({ items, range, tabStop, total, state, stuck, label, texts, row, on }: ListPartOptions) {
  const more = state === 'more' || state === 'loading';
  return html`
    <div
      part="list"
      role="list"
      tabindex="-1"
      aria-label=${label ?? nothing}
      aria-busy=${state === 'loading'}
      @scroll=${on.measure}
      @keydown=${on.onKeyDown}
      @click=${on.onClick}
      @focusin=${on.onFocusIn}
      @pointerenter=${on.warmUp}
    >
      <div class="sizer" role="none">${rows(items, range, tabStop, total ?? -1, row)}</div>
    </div>
    ${
      more
        ? html`<button part="load-more" class=${state === 'loading' || stuck ? 'shown' : ''} type="button" @click=${on.loadMore}>
          ${state === 'loading' ? html`<span part="spinner" aria-hidden="true"></span>${texts.loadingText}` : texts.loadMoreText}
        </button>`
        : nothing
    }
  `;
}

/** A square cover of `size` CSS pixels: the image, or an empty box without usable artwork. */
function cover(part: string, artwork: unknown, size: number, withImage = true) {
  const src = withImage ? artworkUrl(artwork as Artwork | undefined, Math.ceil(size * devicePixelRatio)) : '';
  return src
    ? html`<img part=${part} src=${src} alt="" width=${size} height=${size} loading="lazy" decoding="async" />`
    : html`<span part=${part}></span>`;
}

export interface RowTexts {
  tracksText: string;
  uploadText: string;
}

/**
 * The built-in row for `item`: its cover (an empty box while `withArtwork` is false, as
 * while scrolling fast), title, the "uploaded" marker for the user's own files, and subtitle.
 */
export function defaultRow(item: LibraryResource, texts: RowTexts, size: number, withArtwork: boolean) {
  const { title, subtitle } = rowText(item, texts.tracksText);
  return html`
    ${cover('artwork', rowArtwork(item), size, withArtwork)}
    <span class="text">
      <span class="line">
        <span part="title">${title}</span>
        ${isUpload(item) ? html`<span part="upload">${texts.uploadText}</span>` : nothing}
      </span>
      <span part="subtitle">${subtitle}</span>
    </span>
  `;
}

/** Signed out: the default text and a Connect button, replaceable as a whole through the slot. */
export const signedOutPanel = (text: string) =>
  html`<slot name="signed-out"><div part="signed-out"><p>${text}</p><am-authorize-button></am-authorize-button></div></slot>`;

/** The first page is on its way. */
export const loadingPanel = (text: string) => html`<div part="loading"><span part="spinner" aria-hidden="true"></span>${text}</div>`;

/** A failed page: what happened, and a button to try again. */
export function errorPanel(message: string, retryText: string, retry: () => void) {
  return html`
    <div part="error">
      <svg part="error-icon" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M12 7v6" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        <circle cx="12" cy="16.75" r="1.25" fill="currentColor" />
      </svg>
      <p class="message">${message}</p>
      <button part="retry" type="button" @click=${retry}>${retryText}</button>
    </div>
  `;
}

/** A slot whose default content is `text` in a part of the slot's name. */
export const slotted = (name: string, text: string) => html`<slot name=${name}><div part=${name}>${text}</div></slot>`;

export interface HeaderTexts {
  backText: string;
  tracksText: string;
}

/** Above an opened album's or playlist's tracks: back, cover, name and track count. */
export function drillHeader(item: LibraryResource, count: number | undefined, texts: HeaderTexts, back: () => void) {
  const { title } = rowText(item, texts.tracksText);
  return html`
    <div part="header">
      <button part="back" type="button" @click=${back}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" /></svg>
        ${texts.backText}
      </button>
      ${cover('header-artwork', rowArtwork(item), 56)}
      <span class="text">
        <span part="heading">${title}</span>
        <span part="count">${count === undefined ? '' : countText(texts.tracksText, count)}</span>
      </span>
    </div>
  `;
}
