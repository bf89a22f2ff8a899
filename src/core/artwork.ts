// Apple's artwork templates (`…/{w}x{h}bb.{f}`), filled for the size an image is drawn at.
import type { Artwork } from './resources.js';

/**
 * The URL of `artwork` (Apple's `{url, width, height}`) at `width` × `height` pixels (device
 * pixels: multiply CSS pixels by `devicePixelRatio`). `{w}` and `{h}` are filled with the size,
 * scaled down to the original's `width`/`height` when those are known and smaller (keeping the
 * proportions), and `{f}` with `jpg`. Anything that is not an absolute `https:` or `http:` URL
 * once filled (`javascript:`, `data:`, relative, malformed), or no artwork at all, gives `''`,
 * so no image is rendered for it.
 */
export function artworkUrl(artwork: Pick<Artwork, 'url' | 'width' | 'height'> | null | undefined, width: number, height = width): string {
  const { url, width: most, height: tallest } = (artwork ?? {}) as { url?: unknown; width?: unknown; height?: unknown };
  if (typeof url !== 'string' || !(width > 0) || !(height > 0)) return '';
  const limit = (max: unknown, size: number) => (typeof max === 'number' && max > 0 ? Math.min(1, max / size) : 1);
  const scale = Math.min(limit(most, width), limit(tallest, height));
  const filled = url
    .replace(/\{w\}/g, `${Math.max(1, Math.round(width * scale))}`)
    .replace(/\{h\}/g, `${Math.max(1, Math.round(height * scale))}`)
    .replace(/\{f\}/g, 'jpg');
  try {
    const parsed = new URL(filled);
    return /^https?:$/.test(parsed.protocol) ? parsed.href : '';
  } catch {
    return '';
  }
}
