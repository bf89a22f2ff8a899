// Summaries of repeated measurements: median with the spread (min–max and the interquartile
// range), so a number never travels without how much it moved between runs.

/** Linear-interpolated quantile `q` (0…1) of already sorted numbers. */
function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

const round = (value, digits = 1) => {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/**
 * `{n, median, min, max, q1, q3}` of `values` (non-numbers are dropped).
 * @param {number[]} values
 */
export function summarize(values, digits = 1) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: round(quantile(sorted, 0.5), digits),
    min: round(sorted[0], digits),
    max: round(sorted.at(-1), digits),
    q1: round(quantile(sorted, 0.25), digits),
    q3: round(quantile(sorted, 0.75), digits),
  };
}

/**
 * Summarizes every numeric leaf of a list of same-shaped result objects: `[{a: 1, b: {c: 2}}, …]`
 * gives `{a: summary, b: {c: summary}}`. Non-numeric leaves keep the first run's value.
 */
export function summarizeRuns(runs, digits = 1) {
  const first = runs[0];
  if (typeof first === 'number') return summarize(runs, digits);
  // Yes/no per run: how many runs said yes.
  if (typeof first === 'boolean') return { yes: runs.filter((run) => run === true).length, n: runs.length };
  if (Array.isArray(first) || first === null || typeof first !== 'object') return first;
  return Object.fromEntries(
    Object.keys(first).map((key) => [
      key,
      summarizeRuns(
        runs.map((run) => run?.[key]),
        digits,
      ),
    ]),
  );
}

/** "12.3 (11.0–14.1)": the median, then min–max; just the value when every run agreed. */
export function fmt(summary, digits = 1) {
  if (summary === undefined || summary === null) return '–';
  if (typeof summary !== 'object') return String(summary);
  if (!summary.n) return '–';
  if ('yes' in summary) return `${summary.yes}/${summary.n}`;
  const show = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(digits));
  if (summary.min === summary.max) return show(summary.median);
  return `${show(summary.median)} (${show(summary.min)}–${show(summary.max)})`;
}

/** The `p`-th percentile (nearest rank) of `values`, for frame times within one run. */
export function percentile(values, p) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ms = (value) => round(value, 1);
