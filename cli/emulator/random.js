// @ts-check
// Deterministic randomness: the same seed must give the same library on every machine and
// every start, so tests and screenshots can rely on names and ids.

/**
 * mulberry32: tiny, fast, good enough for made-up names.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: a stable 32-bit hash of a string (artwork colours derive from the id alone). */
export function hash(/** @type {string} */ text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * @template T
 * @param {() => number} random
 * @param {readonly T[]} list
 * @returns {T}
 */
export const pick = (random, list) => list[Math.floor(random() * list.length)];

/** @param {() => number} random @param {number} min @param {number} max inclusive */
export const between = (random, min, max) => min + Math.floor(random() * (max - min + 1));
