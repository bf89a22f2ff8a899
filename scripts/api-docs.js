#!/usr/bin/env node
// @ts-check
// docs/api.md, the element reference, generated from custom-elements.json (which is generated
// from the JSDoc of src/). `npm run analyze` first after changing JSDoc, then:
//
//   node scripts/api-docs.js          writes docs/api.md
//
// scripts/check-docs.js compares docs/api.md with renderApiDocs() of the committed manifest.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const API_DOCS = 'docs/api.md';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The elements in the order a reader meets them. */
const ORDER = ['am-auth-provider', 'am-authorize-button', 'am-unauthorize-button', 'am-library-list'];

/** A table cell: one line, pipes escaped. @param {unknown} text */
const cell = (text) =>
  text === undefined || text === null || text === ''
    ? ''
    : String(text)
        .replace(/\s*\n\s*/g, ' ')
        .replace(/\|/g, '\\|');
/** Inline code for a cell, safe for backticks inside. @param {unknown} text */
const code = (text) => {
  if (text === undefined || text === null || text === '') return '';
  const value = cell(text);
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``;
};

/**
 * @param {string[]} head
 * @param {string[][]} rows
 */
function table(head, rows) {
  if (!rows.length) return '';
  return (
    [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n') + '\n'
  );
}

/** @param {any} manifest @returns {Map<string, any>} tag name → declaration */
function elementsOf(manifest) {
  const elements = new Map();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName && !elements.has(declaration.tagName)) elements.set(declaration.tagName, declaration);
    }
  }
  return elements;
}

/**
 * `export const NAME = <literal>;` of src/, so a default written as a constant (`DEFAULT_API_URL`)
 * is shown with its value.
 * @returns {Map<string, string>}
 */
function sourceConstants() {
  const constants = new Map();
  const files = /** @type {string[]} */ (readdirSync(`${ROOT}src`, { recursive: true, encoding: 'utf8' })).filter((file) =>
    file.endsWith('.ts'),
  );
  for (const file of files) {
    for (const [, name, value] of readFileSync(`${ROOT}src/${file}`, 'utf8').matchAll(
      /^export const ([A-Z][A-Z0-9_]*) = ('[^'\n]*'|[\d_]+);$/gm,
    )) {
      constants.set(
        name,
        value.replace(/_/g, (underscore) => (value.startsWith("'") ? underscore : '')),
      );
    }
  }
  return constants;
}
const CONSTANTS = sourceConstants();
/** A default, with a constant replaced by its value. @param {string | undefined} value */
const resolveDefault = (value) => (value && CONSTANTS.has(value) ? CONSTANTS.get(value) : value);

/** @param {any} member */
const isPublic = (member) => (!member.privacy || member.privacy === 'public') && !member.name.startsWith('#') && !member.static;

/** @param {any} element */
function renderElement(element) {
  const out = [`## \`<${element.tagName}>\``, ''];
  if (element.summary) out.push(`**${cell(element.summary)}**`, '');
  if (element.description) out.push(element.description.trim(), '');

  const attributes = element.attributes ?? [];
  out.push(
    '### Attributes',
    '',
    table(
      ['attribute', 'property', 'type', 'default', 'description'],
      attributes.map((/** @type {any} */ a) => [
        code(a.name),
        code(a.fieldName),
        code(a.type?.text),
        code(resolveDefault(a.default)),
        cell(a.description),
      ]),
    ) || 'None.\n',
  );

  const withAttribute = new Set(attributes.map((/** @type {any} */ a) => a.fieldName));
  const properties = (element.members ?? []).filter(
    (/** @type {any} */ m) => m.kind === 'field' && isPublic(m) && !withAttribute.has(m.name),
  );
  if (properties.length) {
    out.push(
      '### Properties',
      '',
      table(
        ['property', 'type', 'description'],
        properties.map((/** @type {any} */ p) => [
          `${code(p.name)}${p.readonly ? ' (read-only)' : ''}`,
          code(p.type?.text),
          cell(p.description),
        ]),
      ),
    );
  }

  const methods = (element.members ?? []).filter((/** @type {any} */ m) => m.kind === 'method' && isPublic(m) && m.description);
  if (methods.length) {
    out.push(
      '### Methods',
      '',
      table(
        ['method', 'returns', 'description'],
        methods.map((/** @type {any} */ m) => {
          const params = (m.parameters ?? [])
            .map((/** @type {any} */ p) => `${p.name}${p.optional ? '?' : ''}${p.type?.text ? `: ${p.type.text}` : ''}`)
            .join(', ');
          return [code(`${m.name}(${params})`), code(m.return?.type?.text), cell(m.description)];
        }),
      ),
    );
  }

  const events = element.events ?? [];
  if (events.length) {
    out.push(
      '### Events',
      '',
      table(
        ['event', 'type', 'description'],
        events.map((/** @type {any} */ e) => [code(e.name), code(e.type?.text), cell(e.description)]),
      ),
    );
  }

  const slots = element.slots ?? [];
  if (slots.length) {
    out.push(
      '### Slots',
      '',
      table(
        ['slot', 'description'],
        slots.map((/** @type {any} */ s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
      ),
    );
  }

  const parts = element.cssParts ?? [];
  if (parts.length) {
    out.push(
      '### CSS parts',
      '',
      table(
        ['part', 'description'],
        parts.map((/** @type {any} */ p) => [code(`::part(${p.name})`), cell(p.description)]),
      ),
    );
  }

  const properties2 = element.cssProperties ?? [];
  if (properties2.length) {
    out.push(
      '### CSS custom properties',
      '',
      table(
        ['property', 'default', 'description'],
        properties2.map((/** @type {any} */ p) => [code(p.name), code(p.default), cell(p.description)]),
      ),
    );
  }
  return out.join('\n');
}

/** docs/api.md for `manifest` (the parsed custom-elements.json). @param {any} manifest */
export function renderApiDocs(manifest) {
  const elements = elementsOf(manifest);
  const tags = [...ORDER.filter((tag) => elements.has(tag)), ...[...elements.keys()].filter((tag) => !ORDER.includes(tag)).sort()];
  return [
    '# API reference',
    '',
    '<!-- Generated by scripts/api-docs.js from custom-elements.json: do not edit; run `npm run analyze && node scripts/api-docs.js`. -->',
    '',
    'Every element, attribute, property, method, event, slot, CSS part and CSS custom property, as',
    '`custom-elements.json` describes them. Guides: [theming](theming.md),',
    '[accessibility](accessibility.md), [languages](i18n.md), and the [README](../README.md).',
    '',
    ...tags.map((tag) => `- [\`<${tag}>\`](#${tag})`),
    '',
    ...tags.map((tag) => renderElement(elements.get(tag))),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}

/** Reads the committed manifest. */
export function readManifest() {
  return JSON.parse(readFileSync(`${ROOT}custom-elements.json`, 'utf8'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${ROOT}${API_DOCS}`, renderApiDocs(readManifest()));
  console.log(`Wrote ${API_DOCS}.`);
}
