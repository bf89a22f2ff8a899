// Editor autocomplete (README "Editor autocomplete"): the VS Code custom data and JetBrains
// web-types generated from custom-elements.json by `npm run analyze` describe every element,
// attribute, event, custom property and part the manifest documents, with the values of
// attributes typed as unions, and package.json points JetBrains IDEs at them.
//
//   node --test test/node/editor-data.test.js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (/** @type {string} */ file) => JSON.parse(readFileSync(`${ROOT}${file}`, 'utf8'));
const pkg = read('package.json');
const manifest = read('custom-elements.json');
const html = read('vscode.html-custom-data.json');
const css = read('vscode.css-custom-data.json');
const webTypes = read('web-types.json');

/** Every element of the manifest: tag → declaration. */
const elements = new Map(
  manifest.modules.flatMap((/** @type {any} */ module) =>
    (module.declarations ?? []).filter((/** @type {any} */ d) => d.tagName).map((/** @type {any} */ d) => [d.tagName, d]),
  ),
);
const names = (/** @type {any[] | undefined} */ list) => (list ?? []).map((item) => item.name).sort();

test('package.json points editors at the files, and publishes them', () => {
  assert.equal(pkg['web-types'], './web-types.json');
  for (const file of ['vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'web-types.json']) {
    assert.ok(pkg.files.includes(file), `${file} is in "files"`);
    assert.equal(pkg.exports[`./${file}`], `./${file}`, `${file} is exported`);
  }
  assert.equal(webTypes.name, pkg.name);
  assert.equal(webTypes.version, pkg.version);
});

test('VS Code: every element with every attribute, and a link to its reference', () => {
  assert.deepEqual(names(html.tags), [...elements.keys()].sort());
  for (const tag of html.tags) {
    assert.deepEqual(names(tag.attributes), names(elements.get(tag.name).attributes), `${tag.name} attributes`);
    assert.match(tag.references[0].url, new RegExp(`/docs/api\\.md#${tag.name}$`));
  }
});

test('VS Code: union-typed attributes offer their values, even through type aliases', () => {
  const values = (/** @type {string} */ tag, /** @type {string} */ attribute) =>
    html.tags
      .find((/** @type {any} */ t) => t.name === tag)
      .attributes.find((/** @type {any} */ a) => a.name === attribute)
      .values.map((/** @type {any} */ v) => v.name);
  assert.deepEqual(values('am-auth-provider', 'storage'), ['local', 'session', 'memory']);
  assert.deepEqual(values('am-library-list', 'type'), ['albums', 'songs', 'playlists', 'artists', 'music-videos', 'recently-added']);
  assert.deepEqual(values('am-authorize-button', 'color-scheme'), ['light', 'dark', 'auto']);
  assert.deepEqual(values('am-player', 'mode'), ['auto', 'preview', 'full']);
});

test('VS Code CSS and web-types: every custom property and part, once each', () => {
  const properties = [...new Set([...elements.values()].flatMap((d) => names(d.cssProperties)))].sort();
  const parts = [...new Set([...elements.values()].flatMap((d) => names(d.cssParts)))].sort();
  assert.deepEqual(names(css.properties), properties);
  assert.deepEqual(names(css.pseudoElements), parts.map((part) => `::part(${part})`).sort());
  assert.deepEqual(names(webTypes.contributions.css.properties), properties);
  assert.deepEqual(names(webTypes.contributions.css['pseudo-elements']), parts.map((part) => `part(${part})`).sort());
  const accent = css.properties.find((/** @type {any} */ p) => p.name === '--am-accent').description;
  assert.match(accent, /`<am-authorize-button>`, `<am-unauthorize-button>`: Button background/);
});

test('web-types: elements with attributes, events and public properties only', () => {
  const described = webTypes.contributions.html.elements;
  assert.deepEqual(names(described), [...elements.keys()].sort());
  for (const element of described) {
    const declaration = elements.get(element.name);
    assert.deepEqual(names(element.attributes), names(declaration.attributes), `${element.name} attributes`);
    assert.deepEqual(names(element.js.events), names(declaration.events), `${element.name} events`);
    for (const property of element.js.properties) assert.doesNotMatch(property.name, /^#/, `${element.name}.${property.name} is public`);
  }
  const provider = described.find((/** @type {any} */ e) => e.name === 'am-auth-provider');
  const apiUrl = provider.attributes.find((/** @type {any} */ a) => a.name === 'api-url');
  assert.equal(apiUrl.value.default, "'https://api.music.apple.com'", 'defaults are values, not constant names');
});

test('the list reflects `state`: the manifest lists the attribute with the values the element sets', () => {
  const state = elements.get('am-library-list').attributes.find((/** @type {any} */ a) => a.name === 'state');
  assert.ok(state, 'am-library-list has a state attribute');
  const source = readFileSync(`${ROOT}src/elements/library-list/library-loader.ts`, 'utf8');
  const union = /export type LibraryListState =([^;]+);/.exec(source)?.[1];
  assert.ok(union, 'LibraryListState is in library-loader.ts');
  const literals = (/** @type {string} */ text) => [...text.matchAll(/'([^']+)'/g)].map((match) => match[1]);
  assert.deepEqual(literals(state.type.text), literals(union), 'the @attr type is LibraryListState spelled out');
  const offered = html.tags
    .find((/** @type {any} */ t) => t.name === 'am-library-list')
    .attributes.find((/** @type {any} */ a) => a.name === 'state')
    .values.map((/** @type {any} */ v) => v.name);
  assert.deepEqual(offered, literals(union));
  const typings = readFileSync(`${ROOT}types/jsx.d.ts`, 'utf8');
  assert.doesNotMatch(typings, /\bstate\?:/, 'the element sets state itself: no JSX prop for it');
});

test('every public method of an element is described (authorizeFrom, unauthorizeFrom, …)', () => {
  for (const [tag, declaration] of elements) {
    for (const member of declaration.members ?? []) {
      if (member.kind !== 'method' || member.privacy || member.static || member.name.startsWith('#')) continue;
      assert.ok(member.description, `${tag}: ${member.name}() has a description`);
    }
  }
});
