import type { ArtworkLike } from './playback/types.js';

/** Fills Apple's `{w}`, `{h}` and `{f}` artwork placeholders; only http(s) URLs, else ''. */
export function artworkUrl(artwork: ArtworkLike, width: number, height = width): string {
  const url = artwork.url.replace('{w}', String(Math.round(width))).replace('{h}', String(Math.round(height))).replace('{f}', 'jpg');
  return /^https?:\/\//i.test(url) ? url : '';
}
