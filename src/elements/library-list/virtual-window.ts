// The arithmetic of a fixed-row-height virtual list: which rows are in the DOM, when to load
// more, where keyboard focus goes. Pure, no DOM.

/** Rows `[start, end)` to render. */
export interface RowRange {
  start: number;
  end: number;
}

/**
 * The rows to render when the visible band spans `top`…`bottom` pixels measured from the top
 * of row 0, with `overscan` extra rows on each side. Always within `[0, count]`.
 */
export function rowRange(top: number, bottom: number, rowHeight: number, count: number, overscan: number): RowRange {
  const first = Math.floor(top / rowHeight);
  const last = Math.max(first, Math.ceil(bottom / rowHeight));
  const start = Math.min(count, Math.max(0, first - overscan));
  return { start, end: Math.min(count, Math.max(start, last + overscan)) };
}

/** Whether the visible band ends within `screens` band heights of the last row's bottom. */
export function nearEnd(top: number, bottom: number, rowHeight: number, count: number, screens = 2): boolean {
  return bottom + screens * Math.max(bottom - top, rowHeight) >= count * rowHeight;
}

/**
 * Where focus moves from row `index` for `key` among `count` rows (`pageRows` per page), or
 * `undefined` when the key does not move it.
 */
export function focusTarget(key: string, index: number, count: number, pageRows: number): number | undefined {
  const step: Record<string, number> = {
    ArrowDown: 1,
    ArrowUp: -1,
    PageDown: pageRows,
    PageUp: -pageRows,
    Home: -Infinity,
    End: Infinity,
  };
  const delta = step[key];
  if (delta === undefined || !count) return undefined;
  return Math.min(count - 1, Math.max(0, index + delta));
}
