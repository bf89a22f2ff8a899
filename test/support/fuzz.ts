/** A small seeded PRNG (mulberry32): the same seed gives the same fuzz run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, pick, int: (max: number) => Math.floor(next() * max) };
}

export const OBJECT_PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
export const PROTOCOL_METHODS = ['thirdPartyInfo', 'authorize', 'decline', 'switchUserId', 'unavailable', 'close'];

/** Random structured-clone data, biased towards almost-valid JSON-RPC requests. */
export function randomMessage(random: ReturnType<typeof seededRandom>, depth = 0): unknown {
  const methods = [...PROTOCOL_METHODS, ...OBJECT_PROTOTYPE_NAMES, 'AUTHORIZE', 'authorize\u0000', '', 'x'.repeat(100)];
  const scalar = () =>
    random.pick<() => unknown>([
      () => random.int(1000),
      () => -random.next(),
      () => NaN,
      () => Infinity,
      () => null,
      () => undefined,
      () => true,
      () => random.pick(methods),
      () => '2.0',
      () => 'x'.repeat(random.int(5000)),
      () => BigInt(random.int(99)),
      () => new Date(random.int(1e12)),
      () => /re/g,
    ])();
  if (depth > 2) return scalar();
  switch (random.int(6)) {
    case 0:
      return scalar();
    case 1:
      return Array.from({ length: random.int(4) }, () => randomMessage(random, depth + 1));
    case 2:
      return JSON.stringify({ jsonrpc: '2.0', id: 1, method: random.pick(methods) });
    case 3: {
      // A JSON-parsed object with an own "__proto__" key: the classic pollution shape.
      return JSON.parse(
        `{"__proto__": {"jsonrpc": "2.0", "polluted": true}, "id": ${random.int(9)}, "method": ${JSON.stringify(random.pick(methods))}}`,
      );
    }
    default: {
      const message: Record<string, unknown> = {};
      if (random.next() < 0.8) message.jsonrpc = random.next() < 0.8 ? '2.0' : scalar();
      if (random.next() < 0.8) message.id = random.next() < 0.7 ? random.int(100) : scalar();
      if (random.next() < 0.9) message.method = random.next() < 0.8 ? random.pick(methods) : scalar();
      if (random.next() < 0.5) message.params = random.next() < 0.6 ? [scalar(), scalar(), scalar()] : scalar();
      if (random.next() < 0.2) message.result = scalar();
      return message;
    }
  }
}
