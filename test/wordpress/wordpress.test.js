// The WordPress plugin in a real WordPress (Debian's 6.1, MariaDB, `php -S`), driven in
// headless Chromium: activate it on the Plugins screen, configure Settings → Apple Music,
// then as a visitor sign in through the emulator's popup from a shortcode page and see the
// library, in both provider layouts; delete it and check uninstall.php ran; finally install
// it again from wordpress/am-elements.zip through Upload Plugin.
// Screenshots go to test-results/wordpress/.
//
//   npm run test:wordpress   (needs `bash scripts/ensure-wordpress.sh` once: apt packages)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startEmulator } from '../../cli/emulator/index.js';
import { findChromium, CHROMIUM_FLAGS } from '../../scripts/chromium.js';
import { checkPrerequisites, startWordPress } from './site.js';
import { signingTests } from './signing.js';
import { BLOCK_PAGES, blockTests } from './block.js';
import { providerSettingsTests } from './provider-settings.js';
import { pluginZipTests } from './plugin-zip.js';

const PLUGIN = fileURLToPath(new URL('../../wordpress/am-elements/', import.meta.url));
const THEME = fileURLToPath(new URL('./theme/', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../test-results/wordpress/', import.meta.url));
const TIMEOUT = 60_000;

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A developer-token-shaped JWT; the emulator accepts any well-formed unexpired one. */
function developerToken({ iss = 'TEAMWP1234', exp = Math.floor(Date.now() / 1000) + 3600 } = {}) {
  return `${base64url({ alg: 'ES256', kid: 'KEYWP12345' })}.${base64url({ iss, iat: Math.floor(Date.now() / 1000), exp })}.c2lnbmF0dXJl`;
}
const TOKEN = developerToken();

const PAGES = {
  ...BLOCK_PAGES,
  // Each shortcode on its own: each gets its own provider.
  standalone: {
    title: 'Standalone shortcodes',
    content: '[am_authorize_button]\n\n[am_library_list type="songs" limit="30"]\n\n[am_unauthorize_button label="Sign out"]',
  },
  // One provider around all of them.
  grouped: {
    title: 'Grouped shortcodes',
    content:
      '[am_auth_provider]\n<div class="toolbar">[am_authorize_button]Sign in[/am_authorize_button] [am_unauthorize_button]</div>\n[am_library_list type="albums" limit="12" page_size="5"]\n[/am_auth_provider]',
  },
  checks: {
    title: 'Validation and escaping',
    content:
      '[am_library_list type="podcasts"]\n\n[am_authorize_button label="<img src=x onerror=alert(1)>"]\n\n[am_unauthorize_button]<em>Bye</em> &amp; <img src=x onerror=alert(2)>thanks[/am_unauthorize_button]\n\n[am_library_list type="Music-Videos" page_size="500" limit="-3"]',
  },
  plain: { title: 'No shortcodes', content: 'Nothing musical here.' },
};

let site;
let emulator;
let browser;

before(async () => {
  checkPrerequisites();
  if (!existsSync(new URL('assets/am-elements.js', `file://${PLUGIN}`))) {
    throw new Error('wordpress/am-elements/assets/am-elements.js is missing: run `npm run build && npm run build:wordpress` first.');
  }
  await mkdir(SHOTS, { recursive: true });
  emulator = await startEmulator({ port: 0, quiet: true, size: 300 });
  site = await startWordPress({ pluginDir: PLUGIN, themeDir: THEME, pages: PAGES });
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await emulator?.close();
});

/** A browser context that reaches only this machine (WordPress' admin links gravatar etc.). */
async function newContext() {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.route(
    (url) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  return context;
}

/** A page that records uncaught errors. */
async function newPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, errors };
}

async function logIn(context) {
  const { page } = await newPage(context);
  // On a loaded machine WordPress now and then answers a login with the login form again
  // (seen once in CI); a second try is what a person would do.
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${site.origin}/wp-login.php`);
    await page.fill('#user_login', site.admin.user);
    await page.fill('#user_pass', site.admin.password);
    const posted = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/wp-login.php'));
    await page.click('#wp-submit');
    await posted;
    await page.waitForLoadState('load');
    if (/\/wp-admin\/?/.test(page.url())) return page;
    if (attempt === 3) throw new Error(`could not log in to WordPress (still at ${page.url()})`);
  }
}

const settingsUrl = () => `${site.origin}/wp-admin/options-general.php?page=am-elements`;

/** The option as WordPress stores it. */
const savedSettings = () => JSON.parse(site.wpEval("echo wp_json_encode( get_option( 'am_elements_settings', null ) );"));
/** One saved setting; '' when the option was never saved. */
const savedSetting = (key) => savedSettings()?.[key] ?? '';

/** Resolves once every provider on the page has `status`. */
function waitForProviders(page, status) {
  return page.waitForFunction(
    (s) => {
      const providers = [...document.querySelectorAll('am-auth-provider')];
      return providers.length > 0 && providers.every((provider) => provider.getAttribute('status') === s);
    },
    status,
    { timeout: 15_000 },
  );
}

/**
 * Records, from the first script on, which provider (by index on the page) each sign-in
 * event came from: `am-authorize`/`am-unauthorize` (from the provider that acted) and
 * `am-status-change` (from every provider whose status changed). Read with takeEvents().
 */
async function recordProviderEvents(page) {
  await page.addInitScript(() => {
    window.__amEvents = [];
    const providerIndex = (target) => [...document.querySelectorAll('am-auth-provider')].indexOf(target.closest('am-auth-provider'));
    for (const type of ['am-authorize', 'am-unauthorize', 'am-status-change']) {
      document.addEventListener(
        type,
        (event) => {
          const { status, reason, fromStorage } = event.detail ?? {};
          window.__amEvents.push({ type, provider: providerIndex(event.target), status, reason, fromStorage });
        },
        true,
      );
    }
  });
}

/** The events recorded since the last call. */
function takeEvents(page) {
  return page.evaluate(() => window.__amEvents.splice(0));
}

/** Clicks a Connect button; the emulator's popup (outcome=authorize) allows and closes itself. */
async function signIn(context, button) {
  const popupOpened = context.waitForEvent('page');
  await button.click();
  const popup = await popupOpened;
  assert.ok(popup.url().startsWith(`${emulator.origin}/woa?`), `the popup goes to the emulator, got ${popup.url()}`);
  if (!popup.isClosed()) await popup.waitForEvent('close', { timeout: 15_000 });
}

test(
  'WordPress: the plugin is activated from the Plugins screen and configured in Settings → Apple Music',
  { timeout: TIMEOUT },
  async () => {
    assert.match(site.version, /^6\./, `Debian's WordPress: ${site.version}`);
    const context = await newContext();
    const page = await logIn(context);

    // Activate.
    await page.goto(`${site.origin}/wp-admin/plugins.php`);
    const row = page.locator('tr[data-plugin="am-elements/am-elements.php"]');
    await row.waitFor();
    assert.match(await row.innerText(), /Apple Music Elements/);
    await Promise.all([page.waitForURL(/plugins\.php\?.*activate=true/), row.locator('.activate a').click()]);
    await row.locator('a', { hasText: 'Settings' }).waitFor();

    // Settings → Apple Music is in the admin menu.
    assert.equal(await page.locator('#adminmenu a[href="options-general.php?page=am-elements"]', { hasText: 'Apple Music' }).count(), 1);
    await page.goto(settingsUrl());
    assert.match(await page.locator('.wrap').innerText(), /No developer token is configured yet/);

    // Refused values: a malformed token, an expired token, a non-http URL. Nothing is saved.
    await page.fill('#am_elements_developer_token', 'not-a-jwt');
    await page.fill('#am_elements_api_url', 'javascript:alert(1)');
    await page.click('#submit');
    await page.locator('#setting-error-am_elements_token_malformed').waitFor();
    await page.locator('#setting-error-am_elements_api_url').waitFor();
    await page.fill('#am_elements_developer_token', developerToken({ exp: Math.floor(Date.now() / 1000) - 60 }));
    await page.click('#submit');
    await page.locator('#setting-error-am_elements_token_expired').waitFor();
    assert.equal(savedSetting('developer_token'), '');
    assert.equal(savedSetting('api_url'), '');

    // The real configuration: token, emulator endpoints (auto-allowing popup), storage.
    await page.fill('#am_elements_developer_token', `  ${TOKEN}\n`);
    await page.fill('#am_elements_authorize_url', `${emulator.origin}/woa?outcome=authorize`);
    await page.fill('#am_elements_api_url', emulator.origin);
    await page.selectOption('#am_elements_storage', 'local');
    await page.click('#submit');
    await page.locator('#setting-error-settings_updated').waitFor();
    const html = await page.content();
    assert.ok(!html.includes(TOKEN), 'the settings page never prints the saved token');
    assert.match(await page.locator('#am_elements_token_status').innerText(), /team TEAMWP1234, key KEYWP12345/);
    assert.equal(await page.inputValue('#am_elements_developer_token'), '', 'the token field is write-only');
    assert.equal(await page.inputValue('#am_elements_authorize_url'), `${emulator.origin}/woa?outcome=authorize`);
    await page.screenshot({ path: `${SHOTS}01-settings.png`, fullPage: true });

    // Saving again with the token field empty keeps the token.
    await page.click('#submit');
    await page.locator('#setting-error-settings_updated').waitFor();
    assert.deepEqual(savedSettings(), {
      developer_token: TOKEN,
      developer_token_url: '',
      storage: 'local',
      storefront: '',
      affiliate_token: '',
      campaign_token: '',
      authorize_url: `${emulator.origin}/woa?outcome=authorize`,
      api_url: emulator.origin,
      logout_url: '',
    });

    // options.php refuses a submission without the Settings API's nonce.
    const forged = await page.request.post(`${site.origin}/wp-admin/options.php`, {
      form: { option_page: 'am_elements', action: 'update', 'am_elements_settings[api_url]': 'https://evil.example' },
      maxRedirects: 0,
    });
    assert.notEqual(forged.status(), 302, 'no redirect back with "settings saved"');
    assert.equal(savedSettings().api_url, emulator.origin, 'a forged submission changes nothing');

    await context.close();
  },
);

test(
  'WordPress: shortcodes render escaped elements inside providers, and load the bundle only where used',
  { timeout: TIMEOUT },
  async () => {
    const get = async (slug) => {
      const response = await fetch(site.pageUrl(slug));
      assert.equal(response.status, 200, slug);
      return response.text();
    };

    const plain = await get('plain');
    assert.ok(!plain.includes('am-elements.js'), 'a page without shortcodes does not load the bundle');

    const standalone = await get('standalone');
    const moduleTags = standalone.match(/<script[^>]*am-elements\/assets\/am-elements\.js[^>]*>/g) ?? [];
    assert.equal(moduleTags.length, 1, 'the bundle is loaded once');
    assert.match(moduleTags[0], /type="module"/, 'as an ES module');
    assert.doesNotMatch(moduleTags[0], /text\/javascript/);
    // The providers follow each other themselves: the old relay script is gone.
    assert.doesNotMatch(standalone, /am-elements-wp\.js/, 'no relay script');
    assert.doesNotMatch(standalone, /data-am-elements-wp/, 'no relay marker on the providers');
    assert.ok(!existsSync(`${PLUGIN}assets/am-elements-wp.js`), 'the relay is not shipped');
    assert.equal((standalone.match(/<script\b[^>]*\/plugins\/am-elements\//g) ?? []).length, 1, "the bundle is the plugin's only script");
    const providers = standalone.match(/<am-auth-provider[^>]*>/g) ?? [];
    assert.equal(providers.length, 3, 'one provider per standalone shortcode');
    const escapedAuthorizeUrl = `${emulator.origin}/woa?outcome=authorize`;
    assert.ok(providers[0].includes(`developer-token="${TOKEN}"`), providers[0]);
    assert.ok(providers[0].includes(`authorize-url="${escapedAuthorizeUrl}"`), providers[0]);
    assert.ok(providers[0].includes(`api-url="${emulator.origin}"`), providers[0]);
    assert.ok(providers[0].includes('storage="local"'), providers[0]);
    assert.ok(!providers[0].includes('developer-token-url'), 'no token URL when a token is saved');
    assert.match(standalone, /<am-library-list type="songs" limit="30"><\/am-library-list>/);
    assert.match(standalone, /<am-authorize-button>Connect Apple Music<\/am-authorize-button>/);
    assert.match(standalone, /<am-unauthorize-button>Sign out<\/am-unauthorize-button>/);

    const grouped = await get('grouped');
    assert.equal((grouped.match(/<am-auth-provider[^>]*>/g) ?? []).length, 1, 'one provider around the group');
    assert.match(grouped, /<am-library-list type="albums" limit="12" page-size="5">/);
    assert.match(grouped, /<am-authorize-button>Sign in<\/am-authorize-button>/);

    // Visitors see nothing for an invalid type; labels are text; numbers are clamped.
    const checks = await get('checks');
    assert.ok(!checks.includes('podcasts'), 'an unknown type renders nothing for visitors');
    assert.ok(!/<img/i.test(checks.split('<main>')[1]), 'a label cannot inject markup');
    assert.match(
      checks,
      /<am-authorize-button>Connect Apple Music<\/am-authorize-button>/,
      'a label of markup only falls back to the default',
    );
    assert.match(checks, /<am-unauthorize-button>Bye &amp; thanks<\/am-unauthorize-button>/, 'an enclosed label is plain text');
    assert.match(
      checks,
      /<am-library-list type="music-videos" page-size="100"><\/am-library-list>/,
      'type is case-insensitive, page_size clamped, a negative limit dropped',
    );

    // Editors are told what is wrong; the same page, rendered for an administrator.
    const asEditor = site.wpEval(`wp_set_current_user( 1 ); echo do_shortcode( '[am_library_list type="podcasts"]' );`);
    assert.match(
      asEditor,
      /unknown type &quot;podcasts&quot;\. Use one of: albums, songs, playlists, artists, music-videos, recently-added/,
    );

    // The list's texts: a shortcode attribute (plain text), else the site's translation; the
    // English defaults need no attribute (the standalone page above has none).
    const translated = site.wpEval(`
    add_filter( 'gettext', function ( $translation, $text, $domain ) {
      return 'am-elements' === $domain && 'Loading…' === $text ? 'Chargement…' : $translation;
    }, 10, 3 );
    echo do_shortcode( '[am_auth_provider][am_library_list retry_text="Réessayer" empty_text=\\'Say "hi" <b>now</b>\\'][/am_auth_provider]' );`);
    const listTag = translated.match(/<am-library-list[^>]*>/)?.[0] ?? '';
    assert.match(listTag, / loading-text="Chargement…"/, listTag);
    assert.match(listTag, / retry-text="Réessayer"/, listTag);
    assert.match(listTag, / empty-text="Say &quot;hi&quot; now"/, listTag);
    assert.equal((listTag.match(/-text="/g) ?? []).length, 3, `only the changed texts: ${listTag}`);
    // The plugin's English texts are the element's own defaults (read from the manifest).
    const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
    const list = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'am-library-list');
    const elementTexts = Object.fromEntries(
      list.attributes.filter((a) => a.name.endsWith('-text')).map((a) => [a.name, JSON.parse(`"${a.default.slice(1, -1)}"`)]),
    );
    const php = readFileSync(`${PLUGIN}includes/class-am-elements-shortcodes.php`, 'utf8');
    const pluginTexts = Object.fromEntries([...php.matchAll(/'([a-z-]+-text)'\s*=> array\( '([^']*)'/g)].map((m) => [m[1], m[2]]));
    assert.deepEqual(pluginTexts, elementTexts);

    // WordPress 6.5+ (not in Debian 12): with the script module API present, the bundle goes
    // through wp_enqueue_script_module() instead of a classic script. Stubbed here.
    const modulePath = JSON.parse(
      site.wpEval(`
      $GLOBALS['am_test_modules'] = array();
      function wp_register_script_module( $id, $src, $deps = array(), $version = false ) { $GLOBALS['am_test_modules'][] = array( 'register', $id, $src ); }
      function wp_enqueue_script_module( $id ) { $GLOBALS['am_test_modules'][] = array( 'enqueue', $id ); }
      do_shortcode( '[am_authorize_button][am_library_list]' );
      echo wp_json_encode( array( 'calls' => $GLOBALS['am_test_modules'], 'classic' => wp_script_is( 'am-elements', 'enqueued' ), 'relay' => wp_script_is( 'am-elements-wp', 'registered' ) ) );`),
    );
    assert.deepEqual(
      modulePath.calls.map((call) => call.slice(0, 2)),
      [
        ['register', 'am-elements'],
        ['enqueue', 'am-elements'],
      ],
    );
    assert.match(modulePath.calls[0][2], /\/wp-content\/plugins\/am-elements\/assets\/am-elements\.js$/);
    assert.equal(modulePath.classic, false, 'no classic script then');
    assert.equal(modulePath.relay, false, 'no relay script is registered');

    // The plugin's PHP files do nothing when requested directly.
    for (const file of [
      'am-elements.php',
      'uninstall.php',
      'blocks/apple-music/editor.asset.php',
      ...['settings', 'shortcodes', 'block', 'assets', 'signer', 'token-server', 'signing-settings'].map(
        (name) => `includes/class-am-elements-${name}.php`,
      ),
    ]) {
      const response = await fetch(`${site.origin}/wp-content/plugins/am-elements/${file}`);
      assert.equal((await response.text()).trim(), '', `${file} prints nothing when requested directly`);
    }
  },
);

// The Apple Music block, on a page and in the editor (test/wordpress/block.js).
blockTests({
  site: () => site,
  emulator: () => emulator,
  token: TOKEN,
  shots: SHOTS,
  logIn,
  newContext,
  newPage,
  waitForProviders,
  signIn,
  timeout: TIMEOUT,
});

test(
  'WordPress: a visitor signs in from standalone shortcodes, every provider follows, the library shows',
  { timeout: TIMEOUT },
  async () => {
    const context = await newContext();
    const { page, errors } = await newPage(context);
    const scripts = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await recordProviderEvents(page);
    await page.goto(site.pageUrl('standalone'));
    await waitForProviders(page, 'not-determined');
    assert.equal(await page.locator('am-auth-provider').count(), 3, 'three providers: button, list, sign-out button');
    const list = page.locator('am-library-list');
    await list.locator('[part~="signed-out"]').waitFor({ state: 'visible' });
    assert.ok(!scripts.some((url) => url.includes('am-elements-wp')), `no relay script is loaded: ${scripts.join(', ')}`);
    await page.screenshot({ path: `${SHOTS}02-standalone-signed-out.png`, fullPage: true });

    await takeEvents(page);
    await signIn(context, page.locator('am-authorize-button').first().getByRole('button', { name: 'Connect Apple Music' }));
    // The button's provider signed in; the list's and the sign-out button's followed, by
    // themselves (no relay): one am-authorize, from the provider signed in through.
    await waitForProviders(page, 'authorized');
    const signInEvents = await takeEvents(page);
    assert.deepEqual(
      signInEvents.filter((event) => event.type === 'am-authorize').map(({ provider, fromStorage }) => ({ provider, fromStorage })),
      [{ provider: 0, fromStorage: false }],
      `one am-authorize, from the button's provider: ${JSON.stringify(signInEvents)}`,
    );
    assert.deepEqual(
      signInEvents
        .filter((event) => event.type === 'am-status-change')
        .map(({ provider, status, reason }) => ({ provider, status, reason }))
        .sort((a, b) => a.provider - b.provider),
      [
        { provider: 0, status: 'authorized', reason: 'authorized' },
        { provider: 1, status: 'authorized', reason: 'other-tab' },
        { provider: 2, status: 'authorized', reason: 'other-tab' },
      ],
      'the other providers follow from storage',
    );
    const rows = list.locator('[part~="item"]');
    await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok((await rows.count()) > 3, 'library rows are shown');
    assert.ok((await rows.first().locator('[part~="title"]').innerText()).trim().length > 0);
    await page.waitForFunction(() => document.querySelector('am-library-list').items.length === 30, null, { timeout: 15_000 });
    assert.ok(await page.locator('am-unauthorize-button').getByRole('button', { name: 'Sign out' }).isEnabled());
    await page.screenshot({ path: `${SHOTS}03-standalone-library.png`, fullPage: true });

    // A reload is still signed in (stored under MusicKit's keys).
    await page.reload();
    await waitForProviders(page, 'authorized');
    assert.ok(await page.evaluate(() => localStorage.getItem('music.teamwp1234.media-user-token')), 'stored under MusicKit JS keys');

    // The grouped page (one provider) picks up the same sign-in and lists albums.
    await page.goto(site.pageUrl('grouped'));
    await waitForProviders(page, 'authorized');
    const albums = page.locator('am-library-list[type="albums"] [part~="item"]');
    await albums.first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('am-library-list').items.length === 12, null, { timeout: 15_000 });
    await page.screenshot({ path: `${SHOTS}04-grouped-library.png`, fullPage: true });

    // Sign out on the grouped page, then sign in and out again there.
    await page.locator('am-unauthorize-button').getByRole('button', { name: 'Disconnect Apple Music' }).click();
    await waitForProviders(page, 'not-determined');
    await albums.first().waitFor({ state: 'detached' });
    await signIn(context, page.locator('am-authorize-button').getByRole('button', { name: 'Sign in' }));
    await waitForProviders(page, 'authorized');
    await albums.first().waitFor({ state: 'visible', timeout: 15_000 });

    // Standalone again: signing out through one provider signs every provider out.
    await page.goto(site.pageUrl('standalone'));
    await waitForProviders(page, 'authorized');
    await takeEvents(page);
    await page.locator('am-unauthorize-button').getByRole('button', { name: 'Sign out' }).click();
    await waitForProviders(page, 'not-determined');
    await list.locator('[part~="signed-out"]').waitFor({ state: 'visible' });
    const signOutEvents = await takeEvents(page);
    assert.deepEqual(
      signOutEvents.filter((event) => event.type === 'am-unauthorize').map(({ provider }) => provider),
      [2],
      `one am-unauthorize, from the sign-out button's provider: ${JSON.stringify(signOutEvents)}`,
    );
    assert.deepEqual(
      signOutEvents
        .filter((event) => event.type === 'am-status-change')
        .map(({ provider, status, reason }) => ({ provider, status, reason }))
        .sort((a, b) => a.provider - b.provider),
      [
        { provider: 0, status: 'not-determined', reason: 'other-tab' },
        { provider: 1, status: 'not-determined', reason: 'other-tab' },
        { provider: 2, status: 'not-determined', reason: 'unauthorized' },
      ],
      'the other providers follow the sign-out',
    );
    assert.ok(
      await page.locator('am-authorize-button').first().getByRole('button', { name: 'Connect Apple Music' }).isEnabled(),
      'Connect is offered again',
    );
    assert.equal(await page.evaluate(() => localStorage.getItem('music.teamwp1234.media-user-token')), null);

    assert.deepEqual(errors, [], 'no uncaught errors on the pages');
    await context.close();
  },
);

// The affiliate and campaign tokens and the logout URL (test/wordpress/provider-settings.js).
providerSettingsTests({
  site: () => site,
  emulator: () => emulator,
  logIn,
  newContext,
  newPage,
  waitForProviders,
  settingsUrl,
  savedSetting,
  timeout: TIMEOUT,
});

// The site signs its own tokens from the uploaded .p8 key (test/wordpress/signing.js).
const signing = signingTests({
  site: () => site,
  logIn,
  newContext,
  newPage,
  waitForProviders,
  signIn,
  settingsUrl,
  timeout: TIMEOUT,
});

test('WordPress: no PHP notices from the plugin, and the tokens and the key stay out of the logs', { timeout: TIMEOUT }, async () => {
  const debugLog = await site.debugLog();
  const ours = debugLog.split('\n').filter((line) => line.includes('/plugins/am-elements/'));
  assert.deepEqual(ours, [], 'debug.log has no line about the plugin');
  for (const [name, secret] of [
    ['token', TOKEN],
    ['key', signing.secret],
  ]) {
    assert.ok(!debugLog.includes(secret), `the ${name} is not in debug.log`);
    assert.ok(!site.serverLog().includes(secret), `the ${name} is not in the server log`);
  }
});

test('WordPress: deleting the plugin runs uninstall.php, which removes its settings, key and token', { timeout: TIMEOUT }, async () => {
  // A stored key and a signed token, as a site that signs its own tokens has.
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = Buffer.from(/** @type {string} */ (privateKey.export({ type: 'pkcs8', format: 'pem' }))).toString('base64');
  site.wpEval(
    `AM_Elements_Token_Server::store_key( base64_decode( '${pem}' ), 'TEAMWP1234', 'KEYWP12345' ); AM_Elements_Token_Server::current();`,
  );
  const options = () =>
    JSON.parse(
      site.wpEval(
        "echo wp_json_encode( array( get_option( 'am_elements_signing_key', null ) !== null, get_option( 'am_elements_signed_token', null ) !== null ) );",
      ),
    );
  assert.deepEqual(options(), [true, true]);
  const context = await newContext();
  const page = await logIn(context);
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(`${site.origin}/wp-admin/plugins.php`);
  const row = page.locator('tr[data-plugin="am-elements/am-elements.php"]');
  await Promise.all([page.waitForURL(/deactivate=true/), row.locator('.deactivate a').click()]);
  await row.locator('.delete a').click();
  // With scripts, a confirm() dialog and an in-place notice; without, a confirmation screen.
  const deleted = page.getByText(/successfully deleted|The selected plugin has been deleted/).first();
  const confirmScreen = page.getByRole('button', { name: 'Yes, delete these files and data' });
  try {
    await confirmScreen.or(deleted).waitFor({ timeout: 20_000 });
    if (await confirmScreen.isVisible()) await confirmScreen.click();
    await deleted.waitFor({ timeout: 20_000 });
  } finally {
    await page.screenshot({ path: `${SHOTS}05-deleted.png`, fullPage: true });
  }
  assert.equal(savedSettings(), null, 'the option is gone');
  assert.deepEqual(options(), [false, false], 'the key and the token are gone');
  assert.ok(!existsSync(`${site.docroot}/wp-content/plugins/am-elements`), 'the plugin folder is gone');
  await context.close();
});

// The zip `npm run build:wordpress` writes, installed through Upload Plugin once the copied
// plugin is deleted (test/wordpress/plugin-zip.js); and the readme's "Tested up to".
pluginZipTests({ site: () => site, logIn, newContext, shots: SHOTS, timeout: TIMEOUT });

test('WordPress: the plugin PHP files pass php -l', () => {
  const files = spawnSync('find', [PLUGIN, '-name', '*.php'], { encoding: 'utf8' }).stdout.trim().split('\n');
  assert.ok(files.length >= 5);
  for (const file of files) {
    const result = spawnSync('php', ['-l', file], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${file}: ${result.stdout}${result.stderr}`);
  }
});
