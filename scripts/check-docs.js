#!/usr/bin/env node
// @ts-check
// Fails when the docs no longer describe the code (part of `npm run check`, after
// check-manifest.js has made sure custom-elements.json is fresh):
// - docs/api.md is what scripts/api-docs.js makes of custom-elements.json;
// - docs/theming.md names every CSS part and custom property of the manifest;
// - docs/i18n.md names every `*-text` attribute;
// - every relative link and image in README.md and docs/*.md, and every link into the
//   repository's main branch, points at a file that exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_DOCS, readManifest, renderApiDocs } from './api-docs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (/** @type {string} */ file) => readFileSync(join(ROOT, file), 'utf8');
/** @type {string[]} */
const problems = [];

const manifest = readManifest();
if (!existsSync(join(ROOT, API_DOCS)) || read(API_DOCS) !== renderApiDocs(manifest)) {
  problems.push(`${API_DOCS} is stale: run \`node scripts/api-docs.js\` and commit it.`);
}

const elements = manifest.modules
  .flatMap((/** @type {any} */ module) => module.declarations ?? [])
  .filter((/** @type {any} */ d) => d.tagName);
const theming = read('docs/theming.md');
const i18n = read('docs/i18n.md');
for (const element of elements) {
  for (const part of element.cssParts ?? []) {
    if (!theming.includes(`::part(${part.name})`)) problems.push(`docs/theming.md does not show ${element.tagName}::part(${part.name}).`);
  }
  for (const property of element.cssProperties ?? []) {
    if (!theming.includes(`\`${property.name}\``))
      problems.push(`docs/theming.md does not document ${property.name} (${element.tagName}).`);
  }
  for (const attribute of element.attributes ?? []) {
    if (attribute.name.endsWith('-text') && !i18n.includes(`\`${attribute.name}\``))
      problems.push(`docs/i18n.md does not list ${element.tagName}'s ${attribute.name}.`);
  }
}

const { repository } = JSON.parse(read('package.json'));
const REPOSITORY = String(repository?.url ?? repository)
  .replace(/^git\+/, '')
  .replace(/\.git$/, '');
const markdown = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
];
for (const file of markdown) {
  // Links and images, minus those inside code spans and blocks.
  const text = read(file)
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    // Links into this repository's main branch (the README's, so they work on the package page).
    const inRepository = target.startsWith(`${REPOSITORY}/`) ? /^\/(?:blob|raw)\/main\/(.+)$/.exec(target.slice(REPOSITORY.length)) : null;
    if (!inRepository && /^(?:[a-z]+:|#)/i.test(target)) continue;
    const path = inRepository
      ? join(ROOT, decodeURIComponent(inRepository[1].split('#')[0]))
      : join(ROOT, dirname(file), decodeURIComponent(target.split('#')[0]));
    if (!existsSync(path)) problems.push(`${file} links to ${target}, which does not exist (${relative(ROOT, path)}).`);
  }
}

if (problems.length) {
  console.error(`Docs out of date:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `${API_DOCS} is up to date; docs/theming.md and docs/i18n.md cover the manifest; links in ${markdown.length} Markdown files resolve.`,
);
