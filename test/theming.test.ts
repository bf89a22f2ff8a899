// The theming API (docs/theming.md): --am-* design tokens with their documented defaults, the
// color-scheme attribute and inherited CSS color-scheme, and the parts the manifest documents.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import '../src/playback.js';
import type { LitElement } from 'lit';
import type { AmLibraryList, AuthState } from '../src/index.js';
import { provideSignedIn } from './support/signed-in.js';
import { fakeDeveloperToken } from './support/tokens.js';
import { emulatorOrigin } from './support/emulator.js';
import { ENGINE, itIn } from './support/engine.js';

const inner = (element: Element) => element.shadowRoot!.querySelector('button')!;
const style = (element: Element) => getComputedStyle(element);

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A signed-in list behind a plain context provider, answering `count` songs. */
async function list(count: number, attributes = '', wrapperStyle = '') {
  const host = await fixture<HTMLDivElement>(html`<div style=${wrapperStyle}></div>`);
  let calls = 0;
  // The first page; the next one never comes (so "Load more" stays, saying "Loading…").
  provideSignedIn(host, (async () => {
    if (calls++) return new Promise<never>(() => undefined);
    const data = Array.from({ length: count }, (_, i) => ({
      id: `i.${i}`,
      type: 'library-songs',
      attributes: { name: `Song ${i}`, artistName: 'Ada' },
    }));
    return new Response(JSON.stringify({ data, ...(count ? { next: '/v1/me/library/songs?offset=100' } : {}) }), {
      headers: { 'Content-Type': 'application/json' },
    });
  }) as typeof fetch);
  host.innerHTML = `<am-library-list type="songs" aria-label="Songs" ${attributes}></am-library-list>`;
  const element = host.querySelector('am-library-list')!;
  await waitUntil(() => element.getAttribute('state') === (count ? 'list' : 'empty'), 'the list');
  await element.updateComplete;
  return element;
}

const part = (element: AmLibraryList, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part=${name}]`)!;

async function provider(markup: ReturnType<typeof html>) {
  const origin = await emulatorOrigin();
  const wrapper = await fixture<HTMLDivElement>(
    html`<am-auth-provider developer-token=${fakeDeveloperToken()} authorize-url="${origin}/woa" api-url=${origin} logout-url="">${markup}</am-auth-provider>`,
  );
  for (const element of wrapper.querySelectorAll('*')) await (element as AmLibraryList).updateComplete;
  return wrapper;
}

describe('theming', () => {
  afterEach(async () => {
    if (ENGINE === 'chromium') await emulateMedia({ colorScheme: 'light' });
  });

  describe('design tokens', () => {
    it('buttons: documented defaults, with 5.4:1 between accent and on-accent', async () => {
      const page = await provider(html`<am-authorize-button></am-authorize-button>`);
      const button = inner(page.firstElementChild!);
      const s = style(button);
      expect([s.backgroundColor, s.color, s.borderTopLeftRadius, s.columnGap, s.paddingLeft, s.fontWeight]).to.deep.equal([
        'rgb(214, 0, 23)',
        'rgb(255, 255, 255)',
        '999px',
        '8px',
        '16px',
        '600',
      ]);
      expect(s.fontFamily).to.match(/^system-ui/);
      expect(contrast(s.backgroundColor, s.color)).to.be.closeTo(5.4, 0.05);
    });

    it('buttons: every global token, set once on an ancestor, reaches both buttons', async () => {
      const page = await provider(html`<div
        style="--am-accent: rgb(10, 132, 255); --am-on-accent: rgb(0, 0, 0); --am-radius: 4px; --am-font: serif; --am-space-2: 3px; --am-space-4: 20px; --am-focus-ring: rgb(0, 255, 0)"
      >
        <button id="before">Before</button><am-authorize-button></am-authorize-button><am-unauthorize-button></am-unauthorize-button>
      </div>`);
      for (const element of page.querySelectorAll('am-authorize-button, am-unauthorize-button')) {
        const s = style(inner(element));
        expect([s.backgroundColor, s.color, s.borderTopLeftRadius, s.fontFamily, s.columnGap, s.paddingLeft]).to.deep.equal([
          'rgb(10, 132, 255)',
          'rgb(0, 0, 0)',
          '4px',
          'serif',
          '3px',
          '20px',
        ]);
      }
      // The focus ring shows for keyboard focus only, in --am-focus-ring. Tab, not focus() and
      // a key press: engines differ on whether a key press makes a programmatic focus visible.
      page.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(page.querySelector('am-authorize-button')!.shadowRoot!.activeElement).to.equal(
        inner(page.querySelector('am-authorize-button')!),
      );
      const focused = style(inner(page.querySelector('am-authorize-button')!));
      expect([focused.outlineStyle, focused.outlineColor, focused.outlineWidth, focused.outlineOffset]).to.deep.equal([
        'solid',
        'rgb(0, 255, 0)',
        '2px',
        '2px',
      ]);
    });

    it('buttons: component tokens win over the global ones', async () => {
      const page = await provider(html`<am-unauthorize-button
        style="--am-accent: red; --am-button-background: rgb(1, 2, 3); --am-button-color: rgb(4, 5, 6); --am-button-border-color: rgb(7, 8, 9); --am-button-font: italic 700 20px/1 monospace"
      ></am-unauthorize-button>`);
      const s = style(inner(page.firstElementChild!));
      expect([s.backgroundColor, s.color, s.borderTopColor, s.fontStyle, s.fontWeight, s.fontSize, s.fontFamily]).to.deep.equal([
        'rgb(1, 2, 3)',
        'rgb(4, 5, 6)',
        'rgb(7, 8, 9)',
        'italic',
        '700',
        '20px',
        'monospace',
      ]);
    });

    it('list: defaults, then surface, text, font, spacing, radius, rows and artwork from tokens', async () => {
      const plain = await list(3);
      expect([
        style(plain).backgroundColor,
        style(part(plain, 'item')).columnGap,
        style(part(plain, 'item')).paddingLeft,
        style(part(plain, 'item')).height,
      ]).to.deep.equal(['rgba(0, 0, 0, 0)', '12px', '12px', '56px']);
      const themed = await list(
        3,
        '',
        '--am-surface: rgb(1, 1, 1); --am-text: rgb(250, 250, 250); --am-font: monospace; --am-space-2: 5px; --am-space-3: 7px; --am-radius: 3px; --am-row-height: 70px; --am-artwork-size: 50px; --am-artwork-radius: 50%; --am-list-max-height: 100px',
      );
      const host = style(themed);
      expect([host.backgroundColor, host.color, host.fontFamily]).to.deep.equal(['rgb(1, 1, 1)', 'rgb(250, 250, 250)', 'monospace']);
      const row = style(part(themed, 'item'));
      expect([row.columnGap, row.paddingLeft, row.height]).to.deep.equal(['7px', '7px', '70px']);
      const art = style(part(themed, 'artwork'));
      expect([art.width, art.borderTopLeftRadius]).to.deep.equal(['50px', '50%']);
      expect(style(part(themed, 'list')).maxHeight).to.equal('100px');
      const more = style(part(themed, 'load-more'));
      expect([more.borderTopLeftRadius, more.marginTop, more.fontFamily]).to.deep.equal(['3px', '5px', 'monospace']);
      const empty = await list(0, '', '--am-space-4: 9px');
      expect(style(part(empty, 'empty')).paddingTop).to.equal('9px');
    });
  });

  describe('light and dark', () => {
    it('without the attribute the list is transparent and takes the page’s colours', async () => {
      const element = await list(2, '', 'color: rgb(9, 9, 9); background: rgb(200, 200, 200)');
      expect([style(element).backgroundColor, style(element).color]).to.deep.equal(['rgba(0, 0, 0, 0)', 'rgb(9, 9, 9)']);
    });

    it('color-scheme="light" and "dark" paint the list’s own surface and text', async () => {
      const light = await list(2, 'color-scheme="light"', 'color: rgb(9, 9, 9)');
      expect([style(light).colorScheme, style(light).backgroundColor, style(light).color]).to.deep.equal([
        'light',
        'rgb(255, 255, 255)',
        'rgb(29, 29, 31)',
      ]);
      const dark = await list(2, 'color-scheme="dark"');
      const s = style(dark);
      expect([s.colorScheme, s.backgroundColor, s.color]).to.deep.equal(['dark', 'rgb(28, 28, 30)', 'rgb(245, 245, 247)']);
      expect(contrast(s.backgroundColor, s.color)).to.be.above(7);
      // The default focus ring (the accent) keeps 3:1 against the dark surface.
      expect(contrast(s.backgroundColor, 'rgb(214, 0, 23)')).to.be.at.least(3);
      // --am-surface and --am-text still win.
      dark.style.setProperty('--am-surface', 'rgb(0, 0, 80)');
      expect(style(dark).backgroundColor).to.equal('rgb(0, 0, 80)');
    });

    itIn(['chromium'], 'emulateMedia needs CDP', 'color-scheme="auto" follows prefers-color-scheme', async () => {
      const element = await list(2, 'color-scheme="auto"');
      await emulateMedia({ colorScheme: 'dark' });
      expect(style(element).backgroundColor).to.equal('rgb(28, 28, 30)');
      await emulateMedia({ colorScheme: 'light' });
      expect(style(element).backgroundColor).to.equal('rgb(255, 255, 255)');
    });

    it('color-scheme="auto" leaves the choice to the engine (light dark) and paints the scheme it prefers (every engine)', async () => {
      const element = await list(2, 'color-scheme="auto"');
      expect(style(element).colorScheme).to.equal('light dark');
      const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
      expect(style(element).backgroundColor).to.equal(prefersDark ? 'rgb(28, 28, 30)' : 'rgb(255, 255, 255)');
    });

    it('light-dark() tokens follow an inherited CSS color-scheme, or the element’s attribute', async () => {
      const page = await provider(html`<div style="color-scheme: dark; --am-accent: light-dark(rgb(1, 1, 1), rgb(2, 2, 2))">
        <am-authorize-button></am-authorize-button><am-authorize-button color-scheme="light"></am-authorize-button>
      </div>`);
      const [inherited, forced] = [...page.querySelectorAll('am-authorize-button')].map((element) => style(inner(element)).backgroundColor);
      expect([inherited, forced]).to.deep.equal(['rgb(2, 2, 2)', 'rgb(1, 1, 1)']);
    });

    it('the colorScheme property reflects to the attribute (frameworks set properties)', async () => {
      const element = await list(1);
      element.colorScheme = 'dark';
      await element.updateComplete;
      expect(element.getAttribute('color-scheme')).to.equal('dark');
      expect(style(element).backgroundColor).to.equal('rgb(28, 28, 30)');
    });
  });

  describe('parts', () => {
    /** Elements under a plain context provider with `fetch` behind the API and `state` overrides. */
    async function scripted(markup: string, fetch: typeof globalThis.fetch, state: Partial<AuthState> = {}) {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      provideSignedIn(host, fetch, { state, pending: true });
      host.innerHTML = markup;
      for (const element of host.children) await (element as AmLibraryList).updateComplete;
      return [...host.children] as AmLibraryList[];
    }
    const answer = (body: unknown, status = 200) =>
      (async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })) as typeof fetch;
    const hang = (() => new Promise<Response>(() => undefined)) as typeof fetch;
    const until = (element: AmLibraryList, state: string) =>
      waitUntil(() => element.getAttribute('state') === state && !element.isUpdatePending, `state ${state}`);

    it('every part the manifest documents is rendered in some state', async () => {
      const manifest = await (await fetch('/custom-elements.json')).json();
      const documented = new Map<string, string[]>();
      for (const module of manifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.tagName && declaration.cssParts?.length)
            documented.set(declaration.tagName, declaration.cssParts.map((p: { name: string }) => p.name).sort());
        }
      }
      const seen = new Map<string, Set<string>>();
      const collect = (element: Element) => {
        const names = seen.get(element.localName) ?? new Set();
        element.shadowRoot!.querySelectorAll('[part]').forEach((node) =>
          node
            .getAttribute('part')!
            .split(' ')
            .forEach((name) => names.add(name)),
        );
        seen.set(element.localName, names);
      };
      // Buttons idle, then busy (an attempt in flight; a sign-out that does not finish).
      const buttons = await scripted('<am-authorize-button></am-authorize-button><am-unauthorize-button></am-unauthorize-button>', hang);
      buttons.forEach(collect);
      const [busyAuthorize] = await scripted('<am-authorize-button></am-authorize-button>', hang, {
        busy: true,
        isAuthorized: false,
        status: 'not-determined',
      });
      collect(busyAuthorize);
      inner(buttons[1]).click();
      await buttons[1].updateComplete;
      collect(buttons[1]);
      // The list: signed out (no provider), loading, rows with more to come, empty, error, …
      const signedOut = await fixture<AmLibraryList>(html`<am-library-list></am-library-list>`);
      collect(signedOut);
      const [loading] = await scripted('<am-library-list></am-library-list>', hang);
      await until(loading, 'loading');
      collect(loading);
      let pages = 0;
      const firstPageOnly = ((...args: Parameters<typeof fetch>) =>
        pages++
          ? hang(...args)
          : answer({
              data: [{ id: 'l.1', type: 'library-albums', attributes: { name: 'A', artistName: 'B' } }],
              next: '/v1/me/library/albums?offset=1',
            })(...args)) as typeof fetch;
      const [rows] = await scripted('<am-library-list></am-library-list>', firstPageOnly);
      await until(rows, 'list');
      collect(rows);
      const [empty] = await scripted('<am-library-list></am-library-list>', answer({ data: [] }));
      await until(empty, 'empty');
      collect(empty);
      const [failed] = await scripted('<am-library-list></am-library-list>', answer({ errors: [{ status: '500' }] }, 500));
      await until(failed, 'error');
      collect(failed);
      // No cloud library (404 on the list), a search without matches.
      const [noLibrary] = await scripted('<am-library-list></am-library-list>', answer({ errors: [{ status: '404' }] }, 404));
      await until(noLibrary, 'no-library');
      collect(noLibrary);
      const [noMatches] = await scripted('<am-library-list query="zzz"></am-library-list>', answer({ results: {} }));
      await until(noMatches, 'no-matches');
      collect(noMatches);
      // An album opened in place (header, back), whose one track is an upload (no catalog twin).
      const album = { id: 'l.1', type: 'library-albums', attributes: { name: 'A', artistName: 'B', trackCount: 1 } };
      const upload = {
        id: 'i.1',
        type: 'library-songs',
        attributes: { name: 'Mine', artistName: 'Me' },
        relationships: { catalog: { data: [] } },
      };
      const [drilled] = await scripted('<am-library-list drill-down></am-library-list>', ((input: RequestInfo | URL) =>
        answer({ data: [String(input).includes('/tracks') ? upload : album] })(input)) as typeof fetch);
      await until(drilled, 'list');
      drilled.shadowRoot!.querySelector<HTMLElement>('[part=item]')!.click();
      await waitUntil(() => drilled.shadowRoot!.querySelector('[part=upload]'), 'the opened album’s track');
      collect(drilled);
      // Playback: a play button and a persistent player (every part renders with or without a track).
      const playback = await fixture(
        html`<am-auth-provider developer-token=${fakeDeveloperToken()}><am-play-button song-id="1"></am-play-button><am-player persistent></am-player></am-auth-provider>`,
      );
      for (const element of playback.querySelectorAll('am-play-button, am-player')) {
        await (element as LitElement).updateComplete;
        collect(element);
      }
      expect([...documented.keys()].sort()).to.deep.equal([
        'am-authorize-button',
        'am-library-list',
        'am-play-button',
        'am-player',
        'am-unauthorize-button',
      ]);
      for (const [tag, parts] of documented) expect([...seen.get(tag)!].sort(), tag).to.deep.equal(parts);
    });
  });
});
