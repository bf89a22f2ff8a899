// @ts-check
// Generated cover art. Colours derive from the artwork id alone, so the SVG can be served
// without looking anything up, and `bgColor`/`textColor*` in the JSON match the image.
import { hash, prng, between } from './random.js';

/** @param {number} h @param {number} s @param {number} l */
function hsl(h, s, l) {
  s /= 100;
  l /= 100;
  const k = (/** @type {number} */ n) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (/** @type {number} */ n) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0), f(8), f(4)]
    .map((x) =>
      Math.round(x * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
}

/**
 * Apple's artwork colours are 6-digit hex without '#'.
 * @param {string} id
 */
export function artworkColors(id) {
  const random = prng(hash(id));
  const hue = between(random, 0, 359);
  const dark = random() < 0.6;
  const bg = hsl(hue, between(random, 45, 80), dark ? between(random, 18, 32) : between(random, 70, 85));
  const accent = hsl((hue + between(random, 30, 150)) % 360, between(random, 60, 90), between(random, 45, 62));
  const text = dark ? ['ffffff', 'e8e8e8', 'd0d0d0', 'c2c2c2'] : ['111111', '2a2a2a', '3d3d3d', '4f4f4f'];
  return { bg, accent, text, seed: random };
}

/**
 * Apple's artwork object, with the `{w}x{h}` template in the URL.
 * @param {string} origin
 * @param {string} id
 */
export function artworkFor(origin, id) {
  const { bg, text } = artworkColors(id);
  return {
    width: 1200,
    height: 1200,
    url: `${origin}/artwork/${encodeURIComponent(id)}/{w}x{h}.svg`,
    bgColor: bg,
    textColor1: text[0],
    textColor2: text[1],
    textColor3: text[2],
    textColor4: text[3],
  };
}

/**
 * An abstract cover: a gradient and a few soft shapes, drawn on a 100×100 canvas and scaled
 * to the requested size (non-square sizes are cropped like a cover would be).
 * @param {string} id
 * @param {number} width
 * @param {number} height
 */
export function artworkSvg(id, width, height) {
  const { bg, accent, seed: random } = artworkColors(id);
  const shapes = [];
  const count = between(random, 2, 4);
  for (let i = 0; i < count; i++) {
    const cx = between(random, 5, 95);
    const cy = between(random, 5, 95);
    const r = between(random, 12, 45);
    const opacity = (0.25 + random() * 0.5).toFixed(2);
    shapes.push(
      random() < 0.65
        ? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#${accent}" opacity="${opacity}"/>`
        : `<rect x="${cx - r / 2}" y="${cy - r / 2}" width="${r}" height="${r}" transform="rotate(${between(random, 0, 89)} ${cx} ${cy})" fill="#${accent}" opacity="${opacity}"/>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 100 100" preserveAspectRatio="xMidYMid slice">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#${bg}"/><stop offset="1" stop-color="#${accent}" stop-opacity="0.85"/></linearGradient></defs>` +
    `<rect width="100" height="100" fill="#${bg}"/><rect width="100" height="100" fill="url(#g)"/>${shapes.join('')}</svg>`
  );
}
