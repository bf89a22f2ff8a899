// @ts-check
// The WordPress plugin signs its own developer tokens: the .p8 key uploaded once in Settings →
// Apple Music, ES256 with PHP's OpenSSL, verified here with jose against the public key.
// Registered by wordpress.test.js on its site (this file defines no test by itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jwtVerify } from 'jose';

const TEAM = 'TEAMWP1234';
const KID = 'KEYWP12345';
const DAY = 86_400;

/**
 * @param {object} env what wordpress.test.js shares: its site and helpers, read when the tests run
 * @param {() => any} env.site
 * @param {(context: any) => Promise<any>} env.logIn
 * @param {() => Promise<any>} env.newContext
 * @param {(context: any) => Promise<{page: any, errors: string[]}>} env.newPage
 * @param {(page: any, status: string) => Promise<unknown>} env.waitForProviders
 * @param {(context: any, button: any) => Promise<void>} env.signIn
 * @param {() => string} env.settingsUrl
 * @param {number} env.timeout
 */
export function signingTests(env) {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const privateKey = /** @type {string} */ (pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  /** A line of the key's base64: what must never show up anywhere. */
  const secret = privateKey.split('\n')[1];
  const dir = mkdtempSync(join(tmpdir(), 'am-elements-wp-key-'));
  const keyFile = join(dir, `AuthKey_${KID}.p8`);
  writeFileSync(keyFile, privateKey);
  const p384File = join(dir, 'AuthKey_P384P384P3.p8');
  writeFileSync(
    p384File,
    /** @type {string} */ (generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ type: 'pkcs8', format: 'pem' })),
  );
  const verify = (/** @type {string} */ token) => jwtVerify(token, pair.publicKey, { algorithms: ['ES256'], issuer: TEAM });
  const php = (/** @type {string} */ code) => JSON.parse(env.site().wpEval(code));

  test("WordPress: PHP turns OpenSSL's DER signatures into JOSE's r||s, and refuses anything else", () => {
    const r32 = 'a1'.repeat(32);
    const s32 = '5b'.repeat(32);
    /** @type {[string, string | false][]} */
    const cases = [
      [`3045022100${r32}0220${s32}`, r32 + s32], // r with its sign byte
      [`3044022000${'7f'.repeat(31)}0220${s32}`, `00${'7f'.repeat(31)}${s32}`], // a leading zero kept as padding
      [`3043021f${'7f'.repeat(31)}0220${s32}`, `00${'7f'.repeat(31)}${s32}`], // a short r
      [`30440220${s32}0220${r32}`, s32 + r32],
      [`3046022100${r32}022100${s32}`, r32 + s32],
      ['', false],
      [`3145022100${r32}0220${s32}`, false], // not a SEQUENCE
      [`3046022100${r32}0220${s32}00`, false], // trailing byte
      [`3047022300${r32}0000020100`, false], // r longer than 32 bytes
      [`3024022100${r32}`, false], // no s
    ];
    const results = php(`echo wp_json_encode( array_map( function ( $hex ) {
      $raw = AM_Elements_Signer::der_to_jose( (string) hex2bin( $hex ) );
      return false === $raw ? false : bin2hex( $raw );
    }, json_decode( '${JSON.stringify(cases.map(([der]) => der))}', true ) ) );`);
    assert.deepEqual(
      results,
      cases.map(([, raw]) => raw),
    );
  });

  test('WordPress: 300 tokens signed by PHP all verify with jose (short r and s included)', async () => {
    const tokens = php(`$pem = base64_decode( '${Buffer.from(privateKey).toString('base64')}' );
      $tokens = array();
      for ( $i = 0; $i < 300; $i++ ) { $tokens[] = AM_Elements_Signer::sign( $pem, '${TEAM}', '${KID}', 1800000000 + $i, 3600, array( 'https://example.com' ) ); }
      echo wp_json_encode( $tokens );`);
    assert.equal(tokens.length, 300);
    await Promise.all(
      tokens.map((/** @type {string} */ token, /** @type {number} */ i) =>
        jwtVerify(token, pair.publicKey, { algorithms: ['ES256'], currentDate: new Date((1_800_000_000 + i) * 1000) }).then(
          ({ payload }) => {
            assert.deepEqual(payload, { iss: TEAM, iat: 1_800_000_000 + i, exp: 1_800_003_600 + i, origin: ['https://example.com'] });
          },
        ),
      ),
    );
  });

  test(
    'WordPress: the .p8 key is uploaded once, stored encrypted and not autoloaded, never printed back',
    { timeout: env.timeout },
    async () => {
      const context = await env.newContext();
      const page = await env.logIn(context);
      await page.goto(env.settingsUrl());
      assert.match(await page.locator('#am_elements_signing_status').innerText(), /No key is stored/);

      // A P-384 key is refused with a reason; nothing is stored.
      await page.fill('#am_elements_team_id', TEAM);
      await page.setInputFiles('#am_elements_key_file', p384File);
      await page.click('#submit');
      await page.locator('#setting-error-am_elements_signing_key_curve').waitFor();
      assert.match(await page.locator('#setting-error-am_elements_signing_key_curve').innerText(), /secp384r1; Apple Music needs P-256/);
      assert.equal(php('echo wp_json_encode( AM_Elements_Token_Server::key_info() );'), null);

      // The real key; its ID comes from the file name.
      await page.fill('#am_elements_team_id', TEAM);
      await page.setInputFiles('#am_elements_key_file', keyFile);
      await page.click('#submit');
      await page.locator('#setting-error-settings_updated').waitFor();
      const status = await page.locator('#am_elements_signing_status').innerText();
      assert.match(
        status,
        new RegExp(`team ${TEAM}, key ${KID}\\)\\. The current token expires on .+ and is renewed automatically a week before`),
      );
      assert.ok(
        status.includes('rest_route=/am-elements/v1/developer-token') || status.includes('/wp-json/am-elements/v1/developer-token'),
        status,
      );
      assert.ok(!(await page.content()).includes(secret), 'the settings page never shows the key');
      assert.equal(await page.inputValue('#am_elements_signing_key'), '', 'the paste field stays empty');
      await page.screenshot({
        path: fileURLToPath(new URL('../../test-results/wordpress/06-signing-key.png', import.meta.url)),
        fullPage: true,
      });

      const stored = php(`global $wpdb;
      echo wp_json_encode( array(
        'autoload' => $wpdb->get_var( "SELECT autoload FROM {$wpdb->options} WHERE option_name = 'am_elements_signing_key'" ),
        'tokenAutoload' => $wpdb->get_var( "SELECT autoload FROM {$wpdb->options} WHERE option_name = 'am_elements_signed_token'" ),
        'inAlloptions' => array_key_exists( 'am_elements_signing_key', wp_load_alloptions() ),
        'raw' => $wpdb->get_var( "SELECT option_value FROM {$wpdb->options} WHERE option_name = 'am_elements_signing_key'" ),
        'settings' => array_keys( get_option( 'am_elements_settings' ) ),
      ) );`);
      assert.equal(stored.autoload, 'no');
      assert.equal(stored.tokenAutoload, 'no');
      assert.equal(stored.inAlloptions, false);
      assert.ok(!stored.raw.includes(secret) && !stored.raw.includes('PRIVATE KEY'), 'the key is stored encrypted');
      assert.deepEqual(
        stored.settings,
        [
          'developer_token',
          'developer_token_url',
          'storage',
          'storefront',
          'affiliate_token',
          'campaign_token',
          'authorize_url',
          'api_url',
          'logout_url',
        ],
        'nothing of the key in the settings option',
      );
      await context.close();
    },
  );

  test(
    'WordPress: the REST route serves a PHP-signed token that jose verifies with the public key, and renews it a week ahead',
    { timeout: env.timeout },
    async () => {
      const site = env.site();
      const route = php('echo wp_json_encode( AM_Elements_Token_Server::url() );');
      const response = await fetch(route);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      const maxAge = Number(/^public, max-age=(\d+)$/.exec(response.headers.get('cache-control') ?? '')?.[1]);
      assert.ok(maxAge > 0 && maxAge <= 3600, `Cache-Control: ${response.headers.get('cache-control')}`);
      const body = await response.json();
      assert.deepEqual(Object.keys(body), ['token']);
      const { payload, protectedHeader } = await verify(body.token);
      assert.deepEqual(protectedHeader, { alg: 'ES256', kid: KID });
      assert.equal(/** @type {number} */ (payload.exp) - /** @type {number} */ (payload.iat), 180 * DAY);
      assert.ok(Math.abs(/** @type {number} */ (payload.iat) - Date.now() / 1000) < 120);
      assert.deepEqual(payload.origin, [site.origin]);
      assert.equal((await (await fetch(route)).json()).token, body.token, 'the same token while current');

      // Renewal: the stored token until a week before expiry, then a new one.
      const iat = /** @type {number} */ (payload.iat);
      const at = (/** @type {number} */ time) => php(`echo wp_json_encode( AM_Elements_Token_Server::current( ${time} ) );`);
      assert.equal(at(iat + 173 * DAY - 1).token, body.token);
      const renewed = at(iat + 173 * DAY);
      assert.notEqual(renewed.token, body.token);
      const verified = await jwtVerify(renewed.token, pair.publicKey, {
        algorithms: ['ES256'],
        currentDate: new Date((iat + 173 * DAY) * 1000),
      });
      assert.equal(verified.payload.iat, iat + 173 * DAY);
      assert.equal(verified.payload.exp, iat + 353 * DAY);
      // Put back a current token for the visitor test.
      php(`delete_option( 'am_elements_signed_token' ); echo wp_json_encode( AM_Elements_Token_Server::current() !== null );`);
    },
  );

  test(
    'WordPress: with a key, every provider fetches the site-signed token from the route, and a visitor signs in with it',
    { timeout: env.timeout },
    async () => {
      const site = env.site();
      const html = await (await fetch(site.pageUrl('standalone'))).text();
      const providers = html.match(/<am-auth-provider[^>]*>/g) ?? [];
      assert.equal(providers.length, 3);
      for (const provider of providers) {
        assert.match(
          provider,
          /developer-token-url="http:\/\/localhost:\d+\/(\?rest_route=|index\.php\?rest_route=|wp-json\/)\/?am-elements\/v1\/developer-token"/,
          provider,
        );
        assert.doesNotMatch(provider, /developer-token="/, 'the pasted token is not used while a key is stored');
      }
      const context = await env.newContext();
      const { page, errors } = await env.newPage(context);
      const warnings = /** @type {string[]} */ ([]);
      page.on('console', (/** @type {any} */ message) => message.type() === 'warning' && warnings.push(message.text()));
      await page.goto(site.pageUrl('standalone'));
      await env.waitForProviders(page, 'not-determined');
      await env.signIn(context, page.locator('am-authorize-button').first().getByRole('button', { name: 'Connect Apple Music' }));
      await env.waitForProviders(page, 'authorized');
      await page.locator('am-library-list [part~="item"]').first().waitFor({ state: 'visible', timeout: 15_000 });
      assert.deepEqual(
        warnings.filter((text) => text.includes('developer token')),
        [],
        'a fresh site-signed token: no expiry warning',
      );
      assert.deepEqual(errors, []);
      await page.locator('am-unauthorize-button').getByRole('button', { name: 'Sign out' }).click();
      await env.waitForProviders(page, 'not-determined');
      await context.close();
    },
  );

  test('WordPress: the key can be pasted instead, and removed; the pasted token is used again', { timeout: env.timeout }, async () => {
    const site = env.site();
    const context = await env.newContext();
    const page = await env.logIn(context);
    const remove = async () => {
      await page.check('input[name="am_elements_settings[signing_key_clear]"]');
      await page.click('#submit');
      await page.locator('#setting-error-settings_updated').waitFor();
      assert.match(await page.locator('#am_elements_signing_status').innerText(), /No key is stored/);
    };
    await page.goto(env.settingsUrl());
    await remove();

    // Pasted, the key needs its key ID typed in (there is no file name to read it from).
    await page.fill('#am_elements_team_id', TEAM);
    await page.fill('#am_elements_signing_key', privateKey);
    await page.click('#submit');
    await page.locator('#setting-error-am_elements_signing_key_id').waitFor();
    assert.equal(php('echo wp_json_encode( AM_Elements_Token_Server::key_info() );'), null);
    assert.ok(!(await page.content()).includes(secret), 'a refused key is not shown back either');
    await page.fill('#am_elements_team_id', TEAM);
    await page.fill('#am_elements_key_id', KID.toLowerCase());
    await page.fill('#am_elements_signing_key', privateKey);
    await page.click('#submit');
    await page.locator('#setting-error-settings_updated').waitFor();
    assert.match(await page.locator('#am_elements_signing_status').innerText(), new RegExp(`team ${TEAM}, key ${KID}\\)`));
    await verify(php('echo wp_json_encode( AM_Elements_Token_Server::current()["token"] );'));
    await remove();
    assert.deepEqual(
      php("echo wp_json_encode( array( get_option( 'am_elements_signing_key', null ), get_option( 'am_elements_signed_token', null ) ) );"),
      [null, null],
    );
    const route = await fetch(php('echo wp_json_encode( AM_Elements_Token_Server::url() );'));
    assert.equal(route.status, 404);
    assert.doesNotMatch(await route.text(), /eyJ/);
    const html = await (await fetch(site.pageUrl('standalone'))).text();
    assert.match(html.match(/<am-auth-provider[^>]*>/)?.[0] ?? '', /developer-token="eyJ/);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  return { secret };
}
