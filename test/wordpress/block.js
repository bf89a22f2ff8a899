// @ts-check
// The Apple Music block of the WordPress plugin (wordpress/am-elements/blocks/apple-music):
// registered from block.json, rendered on the server on a page (as a visitor sees it, signing
// in), and in the block editor with its settings and preview. Registered by wordpress.test.js
// on its site (this file defines no test by itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';

/** Pages the site creates for these tests: the block as the editor saves it, a comment with the attributes that differ from block.json's. */
export const BLOCK_PAGES = {
  block: {
    title: 'Block',
    content:
      '<!-- wp:am-elements/apple-music {"type":"songs","limit":20,"pageSize":10,"connectLabel":"Sign in & listen","persistent":true} /-->\n' +
      '<!-- wp:am-elements/apple-music {"type":"podcasts","showButtons":false} /-->\n' +
      '<!-- wp:am-elements/apple-music {"showButtons":false,"showList":false} /-->',
  },
};

/**
 * @param {object} env what wordpress.test.js shares: its site and helpers, read when the tests run
 * @param {() => any} env.site
 * @param {() => any} env.emulator
 * @param {string} env.token the developer token saved in the settings
 * @param {string} env.shots folder for screenshots
 * @param {(context: any) => Promise<any>} env.logIn
 * @param {() => Promise<any>} env.newContext
 * @param {(context: any) => Promise<{page: any, errors: string[]}>} env.newPage
 * @param {(page: any, status: string) => Promise<unknown>} env.waitForProviders
 * @param {(context: any, button: any) => Promise<void>} env.signIn
 * @param {number} env.timeout
 */
export function blockTests(env) {
  test('WordPress: the Apple Music block is registered from block.json and rendered on the server', { timeout: env.timeout }, async () => {
    const registered = JSON.parse(
      env.site().wpEval(`
        $type   = WP_Block_Type_Registry::get_instance()->get_registered( 'am-elements/apple-music' );
        $handle = $type->editor_script_handles[0] ?? $type->editor_script;
        $script = wp_scripts()->registered[ $handle ] ?? null;
        echo wp_json_encode( array(
          'title'      => $type->title,
          'attributes' => $type->attributes,
          'dynamic'    => $type->is_dynamic(),
          'src'        => $script ? $script->src : null,
          'deps'       => $script ? $script->deps : null,
        ) );`),
    );
    assert.equal(registered.title, 'Apple Music');
    assert.equal(registered.dynamic, true, 'rendered on the server (render_callback), like the shortcodes');
    // Ours, beside those WordPress adds for every block (className, lock, align from supports).
    const ours = ['connectLabel', 'disconnectLabel', 'limit', 'pageSize', 'persistent', 'showButtons', 'showList', 'type'];
    assert.deepEqual(
      Object.keys(registered.attributes)
        .filter((name) => ours.includes(name))
        .sort(),
      ours,
    );
    assert.deepEqual(registered.attributes.type.enum, ['albums', 'songs', 'playlists', 'artists', 'music-videos', 'recently-added']);
    assert.match(
      registered.src,
      /\/wp-content\/plugins\/am-elements\/blocks\/apple-music\/editor\.js$/,
      'the editor script, no build step',
    );
    assert.deepEqual(registered.deps.sort(), [
      'wp-block-editor',
      'wp-blocks',
      'wp-components',
      'wp-element',
      'wp-i18n',
      'wp-server-side-render',
    ]);
    // The editor script is plain JavaScript for the editor's globals, as served.
    const editorJs = await fetch(new URL(registered.src, env.site().origin)).then((response) => response.text());
    assert.match(editorJs, /registerBlockType\(\s*'am-elements\/apple-music'/);
    assert.doesNotMatch(editorJs, /^\s*import\s|require\(/m, 'no module syntax or bundler leftovers');

    const html = await fetch(env.site().pageUrl('block')).then((response) => response.text());
    const blocks =
      html.match(/<div[^>]*class="[^"]*wp-block-am-elements-apple-music[^"]*"[^>]*>[\s\S]*?<\/am-auth-provider><\/div>/g) ?? [];
    assert.equal(blocks.length, 2, 'two blocks render; the one showing nothing renders nothing');
    const providers = html.match(/<am-auth-provider[^>]*>/g) ?? [];
    assert.equal(providers.length, 2, 'one provider per block');
    assert.ok(
      providers[0].includes(`developer-token="${env.token}"`) && providers[0].includes(`api-url="${env.emulator().origin}"`),
      `the provider takes the settings: ${providers[0]}`,
    );
    assert.match(
      blocks[0],
      /<am-authorize-button persistent>Sign in &amp; listen<\/am-authorize-button> <am-unauthorize-button persistent>Disconnect Apple Music<\/am-unauthorize-button>/,
      'labels are escaped text; persistent reaches both buttons',
    );
    assert.match(blocks[0], /<am-library-list type="songs" limit="20" page-size="10"><\/am-library-list>/);
    assert.doesNotMatch(blocks[1], /am-authorize-button|am-unauthorize-button/, 'showButtons: false');
    assert.match(blocks[1], /<am-library-list type="albums"><\/am-library-list>/, 'a type outside the enum falls back to the default');
    const moduleTags = html.match(/<script[^>]*am-elements\/assets\/am-elements\.js[^>]*>/g) ?? [];
    assert.equal(moduleTags.length, 1, 'the bundle is loaded once, as a module');
    assert.match(moduleTags[0], /type="module"/);

    // A visitor signs in from the block's button and sees the songs, ten per request.
    const context = await env.newContext();
    const { page, errors } = await env.newPage(context);
    await page.goto(env.site().pageUrl('block'));
    await env.waitForProviders(page, 'not-determined');
    const list = page.locator('am-library-list[type="songs"]');
    await list.locator('[part~="signed-out"]').waitFor({ state: 'visible' });
    await env.signIn(
      context,
      page.locator('.wp-block-am-elements-apple-music am-authorize-button').getByRole('button', { name: 'Sign in & listen' }),
    );
    await env.waitForProviders(page, 'authorized');
    await list.locator('[part~="item"]').first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('am-library-list[type="songs"]').items.length >= 10, null, { timeout: 15_000 });
    await page.screenshot({ path: `${env.shots}06-block-library.png`, fullPage: true });
    await page.locator('am-unauthorize-button').getByRole('button', { name: 'Disconnect Apple Music' }).click();
    await env.waitForProviders(page, 'not-determined');
    assert.deepEqual(errors, [], 'no uncaught errors on the page');
    await context.close();
  });

  test(
    'WordPress: the block editor offers the block, with its settings and a server-rendered preview of real elements',
    { timeout: env.timeout * 2 },
    async () => {
      const postId = Number(
        env
          .site()
          .wpEval(
            `echo wp_insert_post( array( 'post_type' => 'post', 'post_status' => 'draft', 'post_title' => 'Block in the editor', 'post_author' => 1, 'post_content' => '<!-- wp:am-elements/apple-music {"type":"playlists"} /-->' ) );`,
          ),
      );
      assert.ok(postId > 0);
      const context = await env.newContext();
      const page = await env.logIn(context);
      // Debian's WordPress links underscore.js into /usr/share/javascript; in the test site's copy
      // that link points nowhere, so WordPress' own Backbone-based scripts throw in the editor. Only
      // errors from the plugin's scripts count here.
      const errors = [];
      page.on('pageerror', (error) => /\/plugins\/am-elements\//.test(String(error.stack)) && errors.push(String(error.stack)));
      await page.goto(`${env.site().origin}/wp-admin/post.php?post=${postId}&action=edit`);
      await page.waitForFunction(
        () =>
          window.wp?.blocks?.getBlockType('am-elements/apple-music') && window.wp.data.select('core/block-editor').getBlocks().length > 0,
        null,
        { timeout: 30_000 },
      );
      // The welcome guide would cover the sidebar.
      await page.evaluate(() => {
        const editPost = window.wp.data.select('core/edit-post');
        if (editPost.isFeatureActive('welcomeGuide')) window.wp.data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
      });
      const type = await page.evaluate(() => {
        const blockType = window.wp.blocks.getBlockType('am-elements/apple-music');
        return { title: blockType.title, category: blockType.category, defaultType: blockType.attributes.type.default };
      });
      assert.deepEqual(type, { title: 'Apple Music', category: 'embed', defaultType: 'albums' });

      // The preview is the server's markup, and the elements are defined in the editor.
      const preview = page.locator('.block-editor-block-list__layout .wp-block-am-elements-apple-music');
      await preview.locator('am-library-list[type="playlists"]').waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => customElements.get('am-library-list') && customElements.get('am-authorize-button'), null, {
        timeout: 15_000,
      });
      await preview.locator('am-library-list[type="playlists"][state="signed-out"]').waitFor({ timeout: 15_000 });

      // Its settings: choosing "Songs" re-renders the preview with a songs list.
      await page.evaluate(() => {
        const [block] = window.wp.data.select('core/block-editor').getBlocks();
        window.wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
        window.wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
      });
      const what = page.getByLabel('What to list');
      await what.waitFor();
      assert.equal(await what.inputValue(), 'playlists');
      await what.selectOption('songs');
      await preview.locator('am-library-list[type="songs"]').waitFor({ timeout: 30_000 });
      await page.getByLabel('Show at most (0: all)').fill('7');
      await preview.locator('am-library-list[type="songs"][limit="7"]').waitFor({ timeout: 30_000 });
      const saved = await page.evaluate(() => window.wp.data.select('core/block-editor').getBlocks()[0].attributes);
      assert.deepEqual({ type: saved.type, limit: saved.limit }, { type: 'songs', limit: 7 });
      await page.screenshot({ path: `${env.shots}07-block-editor.png`, fullPage: true });
      assert.deepEqual(errors, [], 'no uncaught errors from the plugin in the editor');
      await context.close();
    },
  );
}
