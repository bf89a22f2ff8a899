// @ts-check
// The provider's newer attributes a site owner sets: Apple's affiliate and campaign tokens
// (sent to Apple as `at` and `ct` with every sign-in) and the logout URL (called on sign-out),
// in Settings → Apple Music and in the `am_elements_provider_attributes` filter, sanitised and
// escaped like the others. Registered by wordpress.test.js on its site (this file defines no
// test by itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';

const AFFILIATE = '1000lAbC';
const CAMPAIGN = 'spring_2026.wp-site';

/**
 * @param {object} env what wordpress.test.js shares: its site and helpers, read when the tests run
 * @param {() => any} env.site
 * @param {() => any} env.emulator
 * @param {(context: any) => Promise<any>} env.logIn
 * @param {() => Promise<any>} env.newContext
 * @param {(context: any) => Promise<{page: any, errors: string[]}>} env.newPage
 * @param {(page: any, status: string) => Promise<unknown>} env.waitForProviders
 * @param {() => string} env.settingsUrl
 * @param {(key: string) => string} env.savedSetting
 * @param {number} env.timeout
 */
export function providerSettingsTests(env) {
  const logoutUrl = () => `${env.emulator().origin}/account/web/logout`;

  test(
    'WordPress: Settings → Apple Music takes the affiliate and campaign tokens and the logout URL, refusing bad values; every provider carries them',
    { timeout: env.timeout },
    async () => {
      const context = await env.newContext();
      const page = await env.logIn(context);
      await page.goto(env.settingsUrl());

      // Refused: markup in a token, a space in a token, a non-http logout URL. Nothing is saved.
      await page.fill('#am_elements_affiliate_token', '<b>1000l</b>');
      await page.fill('#am_elements_campaign_token', 'spring 2026');
      await page.fill('#am_elements_logout_url', 'javascript:alert(1)');
      await page.click('#submit');
      for (const key of ['affiliate_token', 'campaign_token', 'logout_url']) {
        await page.locator(`#setting-error-am_elements_${key}`).waitFor();
        assert.equal(env.savedSetting(key), '', `${key} is not saved`);
      }
      assert.equal(await page.inputValue('#am_elements_affiliate_token'), '', 'the refused value is not shown back as saved');

      await page.fill('#am_elements_affiliate_token', ` ${AFFILIATE} `);
      await page.fill('#am_elements_campaign_token', CAMPAIGN);
      await page.fill('#am_elements_logout_url', logoutUrl());
      await page.click('#submit');
      await page.locator('#setting-error-settings_updated').waitFor();
      assert.equal(env.savedSetting('affiliate_token'), AFFILIATE, 'trimmed');
      assert.equal(env.savedSetting('campaign_token'), CAMPAIGN);
      assert.equal(env.savedSetting('logout_url'), logoutUrl());
      assert.equal(await page.inputValue('#am_elements_logout_url'), logoutUrl());
      await context.close();

      const html = await (await fetch(env.site().pageUrl('standalone'))).text();
      const providers = html.match(/<am-auth-provider[^>]*>/g) ?? [];
      assert.equal(providers.length, 3);
      for (const provider of providers) {
        assert.ok(provider.includes(` affiliate-token="${AFFILIATE}"`), provider);
        assert.ok(provider.includes(` campaign-token="${CAMPAIGN}"`), provider);
        assert.ok(provider.includes(` logout-url="${logoutUrl()}"`), provider);
      }
    },
  );

  test('WordPress: the provider filter adds any attribute, URLs keep only http(s), nothing is written empty', () => {
    const rendered = env.site().wpEval(`
      add_filter( 'am_elements_provider_attributes', function ( $attrs ) {
        return array_merge( $attrs, array(
          'app-name'      => 'My "Site" <b>',
          'popup-timeout' => '60000',
          'app-icon'      => 'https://example.com/icon.png',
          'musickit-url'  => 'javascript:alert(1)',
          'logout-url'    => 'javascript:alert(2)',
          'campaign-token' => '',
          'Bad Name'      => 'x',
        ) );
      } );
      echo do_shortcode( '[am_authorize_button]' );`);
    const provider = rendered.match(/<am-auth-provider[^>]*>/)?.[0] ?? '';
    assert.ok(provider.includes(' app-name="My &quot;Site&quot; &lt;b&gt;"'), provider);
    assert.ok(provider.includes(' popup-timeout="60000"'), provider);
    assert.ok(provider.includes(' app-icon="https://example.com/icon.png"'), provider);
    assert.ok(provider.includes(` affiliate-token="${AFFILIATE}"`), 'the saved settings reach the filter');
    assert.doesNotMatch(provider, /javascript|musickit-url/, 'a refused URL is left out');
    assert.doesNotMatch(provider, /logout-url/, 'not written empty: an empty logout-url would turn the call off');
    assert.doesNotMatch(provider, /campaign-token|\sbad\b/i, 'empty values and invalid names are left out');
  });

  test(
    "WordPress: a visitor's sign-in carries the tokens to Apple (at, ct) and signing out calls the logout URL",
    { timeout: env.timeout },
    async () => {
      const emulator = env.emulator();
      await fetch(`${emulator.origin}/_emulator/requests`, { method: 'DELETE' });
      const context = await env.newContext();
      const { page, errors } = await env.newPage(context);
      await page.goto(env.site().pageUrl('standalone'));
      await env.waitForProviders(page, 'not-determined');
      const popupOpened = context.waitForEvent('page');
      await page.locator('am-authorize-button').first().getByRole('button', { name: 'Connect Apple Music' }).click();
      const popup = await popupOpened;
      const query = new URL(popup.url()).searchParams;
      assert.equal(query.get('at'), AFFILIATE);
      assert.equal(query.get('ct'), CAMPAIGN);
      if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: 15_000 });
      await env.waitForProviders(page, 'authorized');

      await page.locator('am-unauthorize-button').getByRole('button', { name: 'Sign out' }).click();
      await env.waitForProviders(page, 'not-determined');
      const logoutCalls = async () =>
        /** @type {{method: string, status: number}[]} */ (
          (await (await fetch(`${emulator.origin}/_emulator/requests?path=/account/web/logout`)).json()).requests
        ).filter((request) => request.method === 'POST');
      const deadline = Date.now() + 15_000;
      while ((await logoutCalls()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal((await logoutCalls()).length, 1, 'one logout call, to the configured URL');
      assert.deepEqual(errors, []);

      // Cleared again, the providers go back to Apple's defaults (attributes left out).
      const admin = await env.logIn(context);
      await admin.goto(env.settingsUrl());
      for (const field of ['affiliate_token', 'campaign_token', 'logout_url']) await admin.fill(`#am_elements_${field}`, '');
      await admin.click('#submit');
      await admin.locator('#setting-error-settings_updated').waitFor();
      const html = await (await fetch(env.site().pageUrl('standalone'))).text();
      assert.doesNotMatch(html.match(/<am-auth-provider[^>]*>/)?.[0] ?? '', /affiliate-token|campaign-token|logout-url/);
      await context.close();
    },
  );
}
