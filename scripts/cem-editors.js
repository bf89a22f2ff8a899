// @ts-check
// Analyzer plugins (custom-elements-manifest.config.js) that read declarations of src/:
// - `literalDefaultsPlugin` writes default values where the analyzer wrote the name of a constant
//   (`DEFAULT_API_URL` → `'https://api.music.apple.com'`), so the manifest, docs/api.md and every
//   file made from the manifest show the value.
// - `editorDataPlugin` runs break-stuff's generators for editor autocomplete:
//   custom-element-vs-code-integration (VS Code's HTML and CSS custom data) and
//   custom-element-jet-brains-integration (JetBrains web-types), on a view of the manifest whose
//   type aliases are spelled out (`StorageKind` → `'local' | 'session' | 'memory'`), so editors
//   offer the values, and without private members.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getVsCodeCssCustomData, getVsCodeHtmlCustomData } from 'custom-element-vs-code-integration';
import { getWebTypesData } from 'custom-element-jet-brains-integration';

/** Files the editor plugin writes, relative to its output folder (checked by scripts/check-manifest.js). */
export const GENERATED_EDITOR_DATA = ['vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json'];

/** Where each element's reference lives, for the links editors show beside the description. */
const API_DOCS = `${repositoryUrl()}/blob/main/docs/api.md`;

/** The repository's web address, from package.json's `repository`. */
function repositoryUrl() {
  const { repository } = JSON.parse(readFileSync('package.json', 'utf8'));
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (typeof url !== 'string') throw new Error('package.json has no repository: editor data links to its docs/api.md.');
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/**
 * @param {{src?: string}} [options]
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
export function literalDefaultsPlugin({ src = 'src' } = {}) {
  /** @type {any} */
  let ts;
  return {
    name: 'am-literal-defaults',
    analyzePhase(context) {
      ts ??= context.ts;
    },
    packageLinkPhase({ customElementsManifest }) {
      const { constants } = readDeclarations(ts, src);
      for (const item of membersAndAttributes(customElementsManifest)) {
        const value = item.default ? constants.get(item.default) : undefined;
        if (value !== undefined) item.default = value;
      }
    },
  };
}

/**
 * @param {{outdir: string, src?: string}} options folder for the generated files
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
export function editorDataPlugin({ outdir, src = 'src' }) {
  /** @type {any} */
  let ts;
  return {
    name: 'am-editor-data',
    analyzePhase(context) {
      ts ??= context.ts;
    },
    packageLinkPhase({ customElementsManifest }) {
      const view = editorView(customElementsManifest, readDeclarations(ts, src).aliases);
      const common = { typesSrc: 'expandedType', hideLogs: true };
      const references = (/** @type {string} */ _name, /** @type {string | undefined} */ tag) => [
        { name: 'API reference', url: `${API_DOCS}#${tag}` },
      ];
      const html = JSON.parse(getVsCodeHtmlCustomData(view, { ...common, referencesTemplate: references }));
      const css = JSON.parse(getVsCodeCssCustomData(view, common));
      const webTypes = JSON.parse(
        getWebTypesData(view, { ...common, packageJson: false, referenceTemplate: (name, tag) => references(name, tag)[0] }),
      );
      // Elements share tokens and part names: the generators list each once per element.
      const shared = sharedStyling(view);
      css.properties = mergeByName(css.properties, (name) => shared.get(name));
      css.pseudoElements = mergeByName(css.pseudoElements, (name) => shared.get(name));
      const styling = webTypes.contributions.css ?? {};
      styling.properties = mergeByName(styling.properties, (name) => shared.get(name));
      styling['pseudo-elements'] = mergeByName(styling['pseudo-elements'], (name) => shared.get(`::${name}`));
      mkdirSync(outdir, { recursive: true });
      for (const [file, data] of [
        [GENERATED_EDITOR_DATA[0], html],
        [GENERATED_EDITOR_DATA[1], css],
        [GENERATED_EDITOR_DATA[2], webTypes],
      ]) {
        writeFileSync(join(outdir, /** @type {string} */ (file)), `${JSON.stringify(data, null, 2)}\n`);
      }
    },
  };
}

/**
 * Each custom property (`--am-…`) and part (`::part(…)`) with one description: the elements'
 * when they all say the same, else one paragraph per description, naming its elements.
 * @param {any} manifest @returns {Map<string, string>}
 */
function sharedStyling(manifest) {
  /** @type {Map<string, {tag: string, description: string}[]>} */
  const uses = new Map();
  for (const declaration of declarationsOf(manifest)) {
    if (!declaration.tagName) continue;
    const entries = [
      ...(declaration.cssProperties ?? []).map((/** @type {any} */ p) => [p.name, p.description ?? '']),
      ...(declaration.cssParts ?? []).map((/** @type {any} */ p) => [`::part(${p.name})`, p.description ?? '']),
    ];
    for (const [name, description] of entries) uses.set(name, [...(uses.get(name) ?? []), { tag: declaration.tagName, description }]);
  }
  return new Map(
    [...uses].map(([name, list]) => {
      /** @type {Map<string, string[]>} description → tags */
      const tags = new Map();
      for (const { tag, description } of list) tags.set(description, [...(tags.get(description) ?? []), `\`<${tag}>\``]);
      return [
        name,
        tags.size === 1 ? list[0].description : [...tags].map(([description, names]) => `${names.join(', ')}: ${description}`).join('\n\n'),
      ];
    }),
  );
}

/**
 * The first entry of each name, with the merged description.
 * @param {any[] | undefined} entries @param {(name: string) => string | undefined} describe
 */
function mergeByName(entries, describe) {
  /** @type {Map<string, any>} */
  const byName = new Map();
  for (const entry of entries ?? [])
    if (!byName.has(entry.name)) byName.set(entry.name, { ...entry, description: describe(entry.name) ?? entry.description });
  return [...byName.values()];
}

/**
 * A copy of the manifest for the generators: private and `#` members left out (the generators
 * would list private fields as properties), and every attribute's and field's type with its
 * aliases of literal unions spelled out in `expandedType`, the field they read (`typesSrc`).
 * @param {any} manifest @param {Map<string, string[]>} aliases
 */
function editorView(manifest, aliases) {
  const view = structuredClone(manifest);
  for (const declaration of declarationsOf(view)) {
    declaration.members = declaration.members?.filter(
      (/** @type {any} */ member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
    );
  }
  for (const item of membersAndAttributes(view)) {
    const text = item.type?.text;
    if (typeof text !== 'string') continue;
    const parts = text.split('|').flatMap((part) => aliases.get(part.trim()) ?? [part.trim()]);
    item.expandedType = { text: parts.join(' | ') };
  }
  return view;
}

/**
 * Reads, from every `.ts` file under `src`, the type aliases that are unions of string literals
 * (following aliases of aliases) and the constants initialised with a literal.
 * @param {any} ts the analyzer's TypeScript @param {string} src
 * @returns {{aliases: Map<string, string[]>, constants: Map<string, string>}}
 */
function readDeclarations(ts, src) {
  /** @type {Map<string, any>} */
  const aliasNodes = new Map();
  /** @type {Map<string, string>} */
  const constants = new Map();
  if (!ts) throw new Error('The analyzer did not hand its TypeScript to the plugin.');
  for (const file of tsFiles(src)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (ts.isTypeAliasDeclaration(statement)) aliasNodes.set(statement.name.text, statement.type);
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (!ts.isIdentifier(declaration.name) || !init) continue;
        if (ts.isStringLiteral(init)) constants.set(declaration.name.text, `'${init.text}'`);
        if (ts.isNumericLiteral(init)) constants.set(declaration.name.text, String(Number(init.text)));
      }
    }
  }
  /** @type {Map<string, string[]>} */
  const aliases = new Map();
  /** @param {any} node @param {Set<string>} seen @returns {string[] | undefined} literal texts, or undefined when not a literal union */
  const literals = (node, seen) => {
    if (ts.isUnionTypeNode(node)) {
      const parts = node.types.map((/** @type {any} */ type) => literals(type, seen));
      return parts.every(Boolean) ? parts.flat() : undefined;
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return [`'${node.literal.text}'`];
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && !seen.has(node.typeName.text)) {
      const target = aliasNodes.get(node.typeName.text);
      return target ? literals(target, new Set([...seen, node.typeName.text])) : undefined;
    }
    return undefined;
  };
  for (const [name, node] of aliasNodes) {
    const texts = literals(node, new Set([name]));
    if (texts) aliases.set(name, texts);
  }
  return { aliases, constants };
}

/** @param {string} dir @returns {string[]} */
function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** @param {any} manifest @returns {any[]} */
function declarationsOf(manifest) {
  return (manifest.modules ?? []).flatMap((/** @type {any} */ module) => module.declarations ?? []);
}

/** @param {any} manifest @returns {any[]} */
function membersAndAttributes(manifest) {
  return declarationsOf(manifest).flatMap((declaration) => [...(declaration.members ?? []), ...(declaration.attributes ?? [])]);
}
