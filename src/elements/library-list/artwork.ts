// Apple's artwork templates (`…/{w}x{h}bb.{f}`), filled for the size an image is drawn at.

/**
 * The URL of `artwork` (Apple's `{url, width, height}`) for a square box of `size` CSS pixels
 * on a screen with `pixelRatio` device pixels per CSS pixel: `{w}` and `{h}` become the device
 * size (never more than the original's width), `{f}` becomes `jpg`. Anything that is not an
 * absolute `https:` or `http:` URL once filled (`javascript:`, `data:`, relative, malformed)
 * gives `undefined`, so no image is rendered for it.
 */
export function artworkUrl(artwork: unknown, size: number, pixelRatio = 1): string | undefined {
  const { url, width } = (artwork ?? {}) as { url?: unknown; width?: unknown };
  if (typeof url !== 'string') return undefined;
  let px = Math.ceil(size * (pixelRatio > 0 ? pixelRatio : 1));
  if (typeof width === 'number' && width > 0) px = Math.min(px, width);
  try {
    const filled = new URL(url.replace(/\{w\}/g, `${px}`).replace(/\{h\}/g, `${px}`).replace(/\{f\}/g, 'jpg'));
    return /^https?:$/.test(filled.protocol) ? filled.href : undefined;
  } catch {
    return undefined;
  }
}
