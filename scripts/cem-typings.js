// @ts-check
// Analyzer plugins (custom-elements-manifest.config.js) for the manifest's event types and the
// framework typings generated from it:
// - `eventDetailTypesPlugin` gives every `@fires am-…` event without a written type its type
//   `CustomEvent<Detail>`, read from the `AmEventDetails` interface of src/events.ts, so the
//   manifest and src/events.ts cannot disagree.
// - `frameworkTypingsPlugin` runs break-stuff's generators (custom-element-jsx-integration for
//   React 19 and Preact JSX, custom-element-vuejs-integration for Vue's GlobalComponents) on a
//   view of the manifest shaped the way they read it (see `typingsView`).
import { readFileSync } from 'node:fs';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

/** Files the typings plugin writes, relative to its output folder (checked by scripts/check-manifest.js). */
export const GENERATED_TYPINGS = ['jsx.d.ts', 'vue.d.ts'];

/** Where the generated typings import the element classes from, relative to the typings folder. */
const TYPES_MODULE = '../dist/index.js';

/**
 * @param {{interfaceName?: string, file?: string}} [options]
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
export function eventDetailTypesPlugin({ interfaceName = 'AmEventDetails', file = 'src/events.ts' } = {}) {
  /** @type {any} the analyzer's TypeScript, handed to every analyzePhase */
  let ts;
  return {
    name: 'am-event-detail-types',
    analyzePhase(context) {
      ts ??= context.ts;
    },
    packageLinkPhase({ customElementsManifest }) {
      const details = readEventDetails(ts, file, interfaceName);
      for (const declaration of declarationsOf(customElementsManifest)) {
        for (const event of declaration.events ?? []) {
          const detail = event.name ? details.get(event.name) : undefined;
          if (detail && !event.type?.text) event.type = { text: `CustomEvent<${detail}>` };
        }
      }
    },
  };
}

/**
 * Event name → detail type text, from `interface <interfaceName> { 'am-…': Detail; … }` in `file`
 * (read directly: it need not be among the analyzed globs).
 * @param {any} ts @param {string} file @param {string} interfaceName
 * @returns {Map<string, string>}
 */
function readEventDetails(ts, file, interfaceName) {
  /** @type {Map<string, string>} */
  const details = new Map();
  if (!ts) return details;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  /** @param {any} node */
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === interfaceName) {
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        const name = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : undefined;
        if (name) details.set(name, member.type.getText(source).replace(/\s+/g, ' '));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (details.size === 0) throw new Error(`${interfaceName} was not found in ${file}: event types cannot be filled in.`);
  return details;
}

/**
 * @param {{outdir: string}} options folder for the generated files (relative to the working directory)
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
export function frameworkTypingsPlugin({ outdir }) {
  return {
    name: 'am-framework-typings',
    packageLinkPhase({ customElementsManifest }) {
      const common = { outdir, globalTypePath: TYPES_MODULE, hideLogs: true };
      generateJsxTypes(typingsView(customElementsManifest), { ...common, fileName: 'jsx.d.ts' });
      generateVuejsTypes(typingsView(customElementsManifest, { vue: true }), { ...common, fileName: 'vue.d.ts' });
    },
  };
}

/**
 * A copy of the manifest as the generators expect it:
 * - they read an event's `type` as its detail type and wrap it in `CustomEvent<…>` themselves,
 *   and they import every bare type name of every element in one import statement (a name used
 *   by two elements is then imported twice, which TypeScript rejects): so `CustomEvent<X>`
 *   becomes `import("../dist/index.js").X`, which they leave inline;
 * - they offer every public field as a settable prop: read-only ones (getters) are dropped, since
 *   setting them would throw; so are attributes without a property (`@attr` on the class, e.g. the
 *   list's reflected `state`), which the element sets itself;
 * - for Vue they key props by attribute name and listeners as `on` + event name, but Vue (and
 *   vue-tsc, checking templates) normalizes `:popup-timeout` to `popupTimeout` and `@am-authorize`
 *   to `onAmAuthorize`: so for Vue attributes take their camelCase property names and events their
 *   PascalCase names (the description keeps the real event name).
 * @param {any} manifest
 * @param {{vue?: boolean}} [options]
 */
function typingsView(manifest, { vue = false } = {}) {
  const view = structuredClone(manifest);
  for (const declaration of declarationsOf(view)) {
    declaration.members = declaration.members?.filter((/** @type {any} */ member) => !member.readonly);
    declaration.attributes = declaration.attributes?.filter((/** @type {any} */ attribute) => attribute.fieldName);
    if (vue) {
      for (const attribute of declaration.attributes ?? []) attribute.name = attribute.fieldName ?? camelize(attribute.name);
      for (const event of declaration.events ?? []) {
        if (!event.name) continue;
        event.description = `\`@${event.name}\`${event.description ? `: ${event.description}` : ''}`;
        event.name = pascalize(event.name);
      }
    }
    for (const event of declaration.events ?? []) {
      const text = event.type?.text;
      const match = typeof text === 'string' ? /^CustomEvent<(.*)>$/s.exec(text) : null;
      if (!match) continue;
      const detail = match[1].trim();
      event.type = { text: /^[A-Za-z_$][\w$]*$/.test(detail) ? `import("${TYPES_MODULE}").${detail}` : detail };
    }
  }
  return view;
}

/** @param {string} name e.g. `popup-timeout` → `popupTimeout` */
const camelize = (name) => name.replace(/-([a-z0-9])/g, (_, letter) => letter.toUpperCase());
/** @param {string} name e.g. `am-authorize` → `AmAuthorize` */
const pascalize = (name) => camelize(name).replace(/^./, (letter) => letter.toUpperCase());

/** @param {any} manifest @returns {any[]} */
function declarationsOf(manifest) {
  return (manifest.modules ?? []).flatMap((/** @type {any} */ module) => module.declarations ?? []);
}
