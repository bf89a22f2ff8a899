import { html } from 'lit';
import type { LibraryResource } from '../../events.js';
import { artworkUrl } from './artwork.js';
import { rowText } from './rows.js';
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
  return items
    .slice(start, end)
    .map(
      (item, k) =>
        html`<div part="item" role="listitem" tabindex=${start + k === tabStop ? 0 : -1} aria-posinset=${start + k + 1} aria-setsize=${setSize}>${content(item, start + k)}</div>`,
    );
}

/**
 * The built-in row for `item`: its cover (an image `size` CSS pixels square, or an empty box
 * without usable artwork or while `withArtwork` is false), title and subtitle, all as text.
 */
export function defaultRow(item: LibraryResource, tracksText: string, size: number, withArtwork: boolean) {
  const { title, subtitle } = rowText(item, tracksText);
  const src = withArtwork ? artworkUrl(item.attributes?.artwork, size, devicePixelRatio) : undefined;
  // Compact markup: template text is shipped as written.
  return html`${src
    ? html`<img part="artwork" src=${src} alt="" width=${size} height=${size} loading="lazy" decoding="async">`
    : html`<span part="artwork"></span>`}<span class="text"><span part="title">${title}</span><span part="subtitle">${subtitle}</span></span>`;
}
