// Query strings the way MusicKit builds them: encodeURIComponent, arrays joined with commas.
import type { Query } from './api-client.js';

/** The decoded name of one `name=value` pair of a query string. */
export function paramName(pair: string): string {
  const key = pair.split('=')[0]!;
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/** The (decoded) parameter names already in `url`'s query string. */
export function queryKeys(url: string): Set<string> {
  const search = url.split('#')[0]!.split('?')[1] ?? '';
  return new Set(search.split('&').filter(Boolean).map(paramName));
}

/**
 * Appends `query` to `url`. Values are encoded with `encodeURIComponent`; array items are
 * encoded one by one and joined with a literal comma (`ids=1,2`); `undefined` and `null` are
 * dropped. A name already in `url` is replaced by the one from `query`; other parameters of
 * `url` are kept in place. Any `#fragment` is dropped (it is never sent anyway).
 */
export function withQuery(url: string, query?: Query): string {
  const [base, search = ''] = url.split('#')[0]!.split(/\?(.*)/s);
  const added: string[] = [];
  const names = new Set<string>();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value == null) continue;
    names.add(name);
    const text = Array.isArray(value)
      ? value.map((item) => encodeURIComponent(item)).join(',')
      : encodeURIComponent(value as string | number | boolean);
    added.push(`${encodeURIComponent(name)}=${text}`);
  }
  const kept = search.split('&').filter((pair) => pair && !names.has(paramName(pair)));
  const all = [...kept, ...added];
  return all.length ? `${base}?${all.join('&')}` : base!;
}
