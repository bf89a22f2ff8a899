// Which engine a test runs in (web-test-runner.config.js starts Chromium, Firefox and WebKit),
// for the few tests one engine cannot drive.
import { executeServerCommand } from '@web/test-runner-commands';

export type Engine = 'chromium' | 'firefox' | 'webkit';

const agent = navigator.userAgent;
/** Firefox says "Firefox/", Chromium "Chrome/"; WebKitGTK's MiniBrowser says neither. */
export const ENGINE: Engine = /Firefox\//.test(agent) ? 'firefox' : /Chrome\//.test(agent) ? 'chromium' : 'webkit';

/**
 * `it` for a test only some engines can run, named with the reason
 * ("… [chromium only: emulateMedia needs CDP]"). It is not registered in the other engines;
 * every such test has a check next to it that runs in all three.
 */
export function itIn(engines: Engine[], reason: string, title: string, fn: Mocha.Func): Mocha.Test | undefined {
  const name = `${title} [${engines.join(', ')} only: ${reason}]`;
  return engines.includes(ENGINE) ? it(name, fn) : undefined;
}

/** Presses `keys` together, e.g. `['Shift', 'Tab']`, in every engine (see test/support/commands.js). */
export async function pressKeys(...keys: string[]): Promise<void> {
  await executeServerCommand('press-keys', { keys });
}

/**
 * Applies the rules inside `@media (<condition>)` blocks of `root`'s adopted style sheets as if
 * the condition matched, for engines whose automation cannot emulate media features. Returns
 * a function that removes them again.
 */
export function applyMediaRules(root: ShadowRoot, condition: string): () => void {
  const inner: string[] = [];
  const collect = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule && rule.media.mediaText.replace(/\s+/g, '').includes(condition.replace(/\s+/g, ''))) {
        inner.push(...[...rule.cssRules].map((r) => r.cssText));
      } else if ('cssRules' in rule) {
        collect((rule as CSSGroupingRule).cssRules);
      }
    }
  };
  root.adoptedStyleSheets.forEach((sheet) => collect(sheet.cssRules));
  if (!inner.length) throw new Error(`no @media (${condition}) rules in this shadow root`);
  const forced = new CSSStyleSheet();
  forced.replaceSync(inner.join('\n'));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, forced];
  return () => {
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== forced);
  };
}
