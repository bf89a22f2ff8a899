// The React wrappers (am-elements/react, am-elements/react/playback; README "React"): one per
// element of the manifest, each taking as onAm… props exactly the events the manifest says the
// element fires. Runs against dist/ (`npm run build` first). Rendering them is tested by
// test/frameworks/react18.test.js, their types by test/types/react-wrappers.tsx and demo/react18.
//
//   node --test test/node/react-wrappers.test.js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(`${ROOT}custom-elements.json`, 'utf8'));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
const fired = new Map(
  manifest.modules.flatMap((/** @type {any} */ module) =>
    (module.declarations ?? [])
      .filter((/** @type {any} */ d) => d.tagName)
      .map((/** @type {any} */ d) => [d.tagName, (d.events ?? []).map((/** @type {any} */ e) => e.name).sort()]),
  ),
);

test('dist/react is built', () => assert.ok(existsSync(`${ROOT}dist/react/events.js`), 'run `npm run build` first'));

test('each element’s wrapper takes the events the manifest says it fires', async () => {
  const { ELEMENT_EVENTS } = await import(`${ROOT}dist/react/events.js`);
  assert.deepEqual(Object.keys(ELEMENT_EVENTS).sort(), [...fired.keys()].sort());
  for (const [tag, events] of Object.entries(ELEMENT_EVENTS)) assert.deepEqual([...events].sort(), fired.get(tag), tag);
});

test('event props are named onAm… after the event', async () => {
  const { eventProp, eventProps } = await import(`${ROOT}dist/react/events.js`);
  assert.equal(eventProp('am-authorize'), 'onAmAuthorize');
  assert.equal(eventProp('am-library-select'), 'onAmLibrarySelect');
  assert.equal(eventProp('am-developer-token-expiring'), 'onAmDeveloperTokenExpiring');
  assert.deepEqual(eventProps('am-status-change', 'am-error'), { onAmStatusChange: 'am-status-change', onAmError: 'am-error' });
});

test('every element has a wrapper, named like its class, in the entry point of its element', () => {
  const wrapped = (/** @type {string} */ file) =>
    [...readFileSync(`${ROOT}dist/react/${file}`, 'utf8').matchAll(/tagName: "([a-z-]+)"[\s\S]*?displayName: "(\w+)"/g)].map(
      ([, tag, name]) => `${tag} ${name}`,
    );
  assert.deepEqual(wrapped('index.js'), [
    'am-auth-provider AmAuthProvider',
    'am-authorize-button AmAuthorizeButton',
    'am-unauthorize-button AmUnauthorizeButton',
    'am-library-list AmLibraryList',
  ]);
  assert.deepEqual(wrapped('playback.js'), ['am-player AmPlayer', 'am-play-button AmPlayButton']);
  // Pages without playback load no playback code through the wrappers.
  assert.doesNotMatch(readFileSync(`${ROOT}dist/react/index.js`, 'utf8'), /player|playback|play-button/);
});

test('package.json exports the wrappers and the React 19 JSX types, with React and @lit/react as optional peers', () => {
  assert.deepEqual(pkg.exports['./react'], { types: './dist/react/index.d.ts', default: './dist/react/index.js' });
  assert.deepEqual(pkg.exports['./react/playback'], { types: './dist/react/playback.d.ts', default: './dist/react/playback.js' });
  assert.deepEqual(pkg.exports['./react/jsx'], { types: './types/react.d.ts' });
  for (const peer of ['react', '@lit/react']) {
    assert.ok(pkg.peerDependencies[peer], `${peer} is a peer dependency`);
    assert.equal(pkg.peerDependenciesMeta[peer]?.optional, true, `${peer} is optional`);
    assert.equal(pkg.dependencies[peer], undefined, `${peer} is not installed for users who do not use React`);
  }
});
