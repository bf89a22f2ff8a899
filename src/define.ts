/** Bumped with the package version; lets a second, different copy on the page be noticed. */
export const VERSION = '0.1.0';

const versionKey = Symbol.for('am-elements:version');

/**
 * Defines `tag` unless it is taken — WordPress pages and micro-frontends often load a bundle
 * twice — and warns when the taken tag belongs to a different am-elements version.
 * Does nothing where there is no `customElements` (server-side rendering).
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag) as (CustomElementConstructor & { [versionKey]?: string }) | undefined;
  if (!existing) {
    Object.defineProperty(element, versionKey, { value: VERSION });
    customElements.define(tag, element);
  } else if (existing[versionKey] !== VERSION) {
    console.warn(
      `am-elements ${VERSION}: <${tag}> is already defined by ${existing[versionKey] ? `am-elements ${existing[versionKey]}` : 'another script'}; keeping that one.`,
    );
  }
}
