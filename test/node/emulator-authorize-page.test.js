// @ts-check
// The /woa page as served. Its in-browser behaviour (the JSON-RPC conversation with the
// opener) is exercised by the browser tests against a real popup.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, encodeA } from './helpers.js';

/** @param {string} html */
function pageConfig(html) {
  const match = /<script type="application\/json" id="am-config">([^<]*)<\/script>/.exec(html);
  assert.ok(match, 'config block present');
  return JSON.parse(match[1]);
}

describe('emulator /woa', () => {
  /** @type {Awaited<ReturnType<typeof start>>} */
  let t;
  before(async () => {
    t = await start();
  });
  after(() => t.emulator.close());

  /** @param {Record<string, string>} query */
  const woa = (query) => fetch(`${t.origin}/woa?${new URLSearchParams(query)}`);
  const a = () => encodeA({ thirdPartyName: 'localhost:8000', thirdPartyToken: t.developerToken });
  const referrer = 'http://localhost:8000/demo/index.html?x=1#frag';

  test('serves the consent page with its four choices and a strict CSP', async () => {
    const response = await woa({ a: a(), referrer, app: 'music', p: 'subscribe' });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && csp.includes("default-src 'none'"), csp);
    const html = await response.text();
    assert.match(html, /Apple Music emulator/);
    for (const [id, label] of [
      ['allow', 'Allow'],
      ['decline', "Don't allow"],
      ['unavailable', 'Unavailable'],
      ['switch-user', 'Use another account'],
    ]) {
      assert.match(html, new RegExp(`<button type="button"[^>]* id="${id}"[^>]*>${label}</button>`), label);
    }
    assert.match(html, new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}">`));
    assert.match(html, /<body data-state="loading">/);
    const config = pageConfig(html);
    assert.equal(config.origin, 'http://localhost:8000', "messages go to the referrer's origin");
    assert.equal(config.developerToken, t.developerToken);
    assert.equal(config.outcome, null);
    assert.equal(config.userToken, null);
    assert.equal(config.restricted, false);
    assert.match(config.cid, /^[0-9a-f]{32}$/);
  });

  test('the page script speaks JSON-RPC 2.0 with the opener, never to "*"', async () => {
    const html = await (await woa({ a: a(), referrer })).text();
    assert.match(html, /jsonrpc: '2\.0'/);
    for (const method of ['thirdPartyInfo', 'authorize', 'decline', 'unavailable', 'switchUserId'])
      assert.ok(html.includes(`'${method}'`), method);
    assert.match(html, /opener\.postMessage\(message, config\.origin\)/);
    assert.match(html, /event\.source !== opener \|\| event\.origin !== config\.origin/);
    assert.ok(!html.includes("'*'"));
    assert.ok(!html.includes('innerHTML'));
  });

  test('query switches reach the page config', async () => {
    const html = await (
      await woa({ outcome: 'decline', delay: '250', token: 'forced', restricted: '1', cid: 'C-1', a: a(), referrer })
    ).text();
    const config = pageConfig(html);
    assert.deepEqual(
      { outcome: config.outcome, delay: config.delay, userToken: config.userToken, restricted: config.restricted, cid: config.cid },
      { outcome: 'decline', delay: 250, userToken: 'forced', restricted: true, cid: 'C-1' },
    );
    for (const outcome of ['authorize', 'restricted', 'decline', 'unavailable', 'switch-user', 'close', 'none']) {
      assert.equal((await woa({ outcome, a: a(), referrer })).status, 200, outcome);
    }
  });

  test('untrusted values cannot break out of the config block', async () => {
    const evil = '</script><script>alert(1)</script>&<!--';
    const html = await (await woa({ a: encodeA({ thirdPartyName: evil, thirdPartyToken: evil }), referrer, token: evil })).text();
    assert.equal(html.match(/<script/g)?.length, 2, 'only the config and the page script');
    assert.equal(pageConfig(html).developerToken, evil);
  });

  test('accepts non-ASCII escaped JSON and Latin-1 btoa output', async () => {
    const escaped = encodeA({ thirdPartyName: 'café.example', thirdPartyToken: 'tøken' });
    assert.equal(pageConfig(await (await woa({ a: escaped, referrer })).text()).developerToken, 'tøken');
    const latin1 = Buffer.from(JSON.stringify({ thirdPartyName: 'x', thirdPartyToken: 'tøken' }), 'latin1').toString('base64');
    assert.equal(pageConfig(await (await woa({ a: latin1, referrer })).text()).developerToken, 'tøken');
  });

  test('a bad "a", referrer or switch gets a visible error page with no script', async () => {
    const cases = {
      'missing a': { referrer },
      'not base64': { a: '%%%not base64%%%', referrer },
      'not JSON': { a: Buffer.from('hello').toString('base64'), referrer },
      'no token': { a: encodeA({ thirdPartyName: 'x' }), referrer },
      'empty token': { a: encodeA({ thirdPartyName: 'x', thirdPartyToken: '' }), referrer },
      'token not a string': { a: encodeA({ thirdPartyName: 'x', thirdPartyToken: 42 }), referrer },
      'missing referrer': { a: a() },
      'javascript referrer': { a: a(), referrer: 'javascript:alert(1)' },
      'unknown outcome': { a: a(), referrer, outcome: 'explode' },
      'bad delay': { a: a(), referrer, delay: 'soon' },
    };
    for (const [name, query] of Object.entries(cases)) {
      const response = await woa(/** @type {Record<string, string>} */ (query));
      assert.equal(response.status, 400, name);
      const html = await response.text();
      assert.match(html, /data-state="error"/, name);
      assert.match(html, /<h1>[^<]+<\/h1>/, name);
      assert.ok(!html.includes('<script'), `${name}: no script, so no message is sent`);
    }
  });

  test('POST /woa/issue hands out a Music User Token the API accepts', async () => {
    const response = await fetch(`${t.origin}/woa/issue`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const { musicUserToken } = await response.json();
    assert.ok(typeof musicUserToken === 'string' && musicUserToken.length > 100);
    assert.equal((await t.get('/v1/me/storefront', { 'Music-User-Token': musicUserToken })).status, 200);
  });
});
