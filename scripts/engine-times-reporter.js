// A web-test-runner reporter that ends the run with each engine's wall time (first file
// started to last file finished) and its slowest tests, so engines can be compared.
import { defaultReporter } from '@web/test-runner';

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Every test of a session's result tree, with its full name.
 * @param {import('@web/test-runner').TestSuiteResult | undefined} suite
 * @param {string[]} [prefix]
 * @returns {Generator<{ name: string, duration: number }>}
 */
function* testsOf(suite, prefix = []) {
  for (const test of suite?.tests ?? []) yield { name: [...prefix, test.name].join(' > '), duration: test.duration ?? 0 };
  for (const child of suite?.suites ?? []) yield* testsOf(child, [...prefix, child.name]);
}

/** @returns {import('@web/test-runner').Reporter} */
export function engineTimesReporter({ slowest = 3 } = {}) {
  /** @type {Map<string, { start: number, end: number }>} */
  const spans = new Map();
  return {
    start({ sessions }) {
      sessions.on('session-status-updated', (session) => {
        const name = session.browser.name;
        // From the engine's first file leaving the queue (its browser starting) to its last result.
        const span = spans.get(name) ?? { start: Infinity, end: 0 };
        if (session.status !== 'SCHEDULED') span.start = Math.min(span.start, Date.now());
        if (session.status === 'FINISHED') span.end = Math.max(span.end, Date.now());
        spans.set(name, span);
      });
    },
    onTestRunFinished({ sessions }) {
      const lines = [''];
      for (const [name, span] of spans) {
        const tests = sessions
          .filter((s) => s.browser.name === name)
          .flatMap((s) => [...testsOf(s.testResults)].map((t) => ({ ...t, file: s.testFile })));
        const slow = tests.sort((a, b) => b.duration - a.duration).slice(0, slowest);
        lines.push(
          `${name}: ${seconds(span.end - span.start)} wall, ${tests.length} tests; slowest: ${slow.map((t) => `${seconds(t.duration)} ${t.name}`).join(' | ')}`,
        );
      }
      console.log(lines.join('\n'));
    },
  };
}

export const reporters = () => [defaultReporter(), engineTimesReporter()];
