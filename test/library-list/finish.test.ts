// <am-library-list> finished on an unstyled page: the buttons' font, a spinner that respects
// reduced motion, an error panel with an icon and a filled retry button, hover only where a
// pointer hovers, nothing wider than a 320 px phone, and "Load more" only where it is needed.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AmLibraryList } from '../../src/index.js';
import { provideSignedIn } from '../support/signed-in.js';
import { activeRowIndex, part, rows, settle, shown, untilState } from '../support/library.js';
import { ENGINE, applyMediaRules, itIn } from '../support/engine.js';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const LONG = 'Supercalifragilisticexpialidocious-and-then-some-more-words-without-any-spaces-to-break-on';

/** `count` songs with long names, `pageSize` a page, Apple-style `next`; `hold` keeps pages after the first waiting. */
function songs(count: number, { hold = false } = {}) {
  let calls = 0;
  return (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    if (calls++ && hold) return new Promise<never>(() => undefined);
    const limit = Number(url.searchParams.get('limit') ?? 25);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const data = Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, k) => ({
      id: `i.${offset + k}`,
      type: 'library-songs',
      attributes: { name: `${LONG} ${offset + k}`, artistName: LONG, albumName: LONG, durationInMillis: 200_000 },
    }));
    return json({ data, meta: { total: count }, ...(offset + limit < count ? { next: `${url.pathname}?offset=${offset + limit}` } : {}) });
  }) as typeof fetch;
}

/** A signed-in list behind a plain context provider; `wrapperStyle` styles the page around it. */
async function list(fetch: typeof globalThis.fetch, attributes = '', wrapperStyle = '') {
  const host = await fixture<HTMLDivElement>(html`<div style=${wrapperStyle}></div>`);
  provideSignedIn(host, fetch);
  host.innerHTML = `<am-library-list type="songs" aria-label="Songs" ${attributes}></am-library-list>`;
  const element = host.querySelector('am-library-list')!;
  await element.updateComplete;
  return element;
}

const style = (element: Element) => getComputedStyle(element);

/** Every element of the list's shadow root (and the host) ends within the host's right edge. */
function overflows(element: AmLibraryList): string[] {
  const edge = element.getBoundingClientRect().right + 0.5;
  const wide = [...element.shadowRoot!.querySelectorAll('*')].filter(
    (node) => node.getBoundingClientRect().right > edge && style(node).display !== 'none',
  );
  if (element.scrollWidth > element.clientWidth) wide.push(element);
  return wide.map((node) => `${node.localName}[part=${node.getAttribute('part')}]`);
}

describe('<am-library-list> finished defaults', () => {
  afterEach(async () => {
    if (ENGINE === 'chromium') await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('uses the buttons’ font stack on a bare page, and --am-font when set', async () => {
    const element = await list(songs(3), '', 'font-family: Times');
    expect(style(element).fontFamily).to.equal('system-ui, -apple-system, sans-serif');
    const themed = await list(songs(3), '', '--am-font: monospace');
    expect(style(themed).fontFamily).to.equal('monospace');
  });

  itIn(
    ['chromium'],
    'emulateMedia needs CDP',
    'shows a spinner while loading, which pulses instead of spinning with reduced motion',
    async () => {
      const element = await list((() => new Promise<never>(() => undefined)) as typeof fetch);
      await untilState(element, 'loading');
      const spinner = part(element, 'spinner')!;
      expect(spinner.getAttribute('aria-hidden')).to.equal('true');
      expect(style(spinner).animationName).to.equal('am-spin');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(style(spinner).animationName).to.equal('am-pulse');
      await expect(element).to.be.accessible();
    },
  );

  it('shows a spinner while loading, whose reduced-motion rules make it pulse instead of spin (every engine)', async () => {
    const element = await list((() => new Promise<never>(() => undefined)) as typeof fetch);
    await untilState(element, 'loading');
    const spinner = part(element, 'spinner')!;
    expect(spinner.getAttribute('aria-hidden')).to.equal('true');
    expect(style(spinner).animationName).to.equal('am-spin');
    const restore = applyMediaRules(element.shadowRoot!, 'prefers-reduced-motion: reduce');
    expect(style(spinner).animationName).to.equal('am-pulse');
    restore();
    await expect(element).to.be.accessible();
  });

  it('shows errors in a panel with an icon and a filled retry button shaped like the Connect button', async () => {
    const element = await list((async () => json({ errors: [{ status: '500', title: 'Broken' }] }, 500)) as typeof fetch);
    await untilState(element, 'error');
    const icon = part(element, 'error-icon')!;
    expect([icon.localName, icon.getAttribute('aria-hidden')]).to.deep.equal(['svg', 'true']);
    const retry = part(element, 'retry')!;
    const connect = document.createElement('am-authorize-button');
    element.after(connect);
    await connect.updateComplete;
    const reference = style(connect.shadowRoot!.querySelector('button')!);
    const own = style(retry);
    expect(own.backgroundColor).to.equal('rgb(214, 0, 23)');
    expect(own.color).to.equal('rgb(255, 255, 255)');
    for (const property of ['borderTopLeftRadius', 'fontFamily', 'fontWeight', 'fontSize', 'minHeight'] as const) {
      expect(own[property], property).to.equal(reference[property]);
    }
    connect.remove();
    await expect(element).to.be.accessible();
  });

  it('puts hover styles only under (hover: hover)', async () => {
    const element = await list(songs(3));
    const outside: string[] = [];
    const walk = (rules: CSSRuleList, inHover: boolean) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule) walk(rule.cssRules, inHover || rule.conditionText.includes('hover: hover'));
        else if (rule instanceof CSSStyleRule && rule.selectorText.includes(':hover') && !inHover) outside.push(rule.selectorText);
      }
    };
    for (const sheet of element.shadowRoot!.adoptedStyleSheets) walk(sheet.cssRules, false);
    expect(outside).to.deep.equal([]);
  });

  it('never overflows a 320 px phone: rows, errors, the no-library text, an opened album', async () => {
    const narrow = 'width: 320px';
    const rowsList = await list(songs(3), '', narrow);
    await untilState(rowsList, 'list');
    expect(overflows(rowsList)).to.deep.equal([]);
    const failed = await list((async () => json({ errors: [{ status: '400', title: LONG }] }, 400)) as typeof fetch, '', narrow);
    await untilState(failed, 'error');
    expect(overflows(failed)).to.deep.equal([]);
    const noLibrary = await list((async () => json({ errors: [{ status: '404' }] }, 404)) as typeof fetch, '', narrow);
    await untilState(noLibrary, 'no-library');
    expect(overflows(noLibrary)).to.deep.equal([]);
    const album = { id: 'l.1', type: 'library-albums', attributes: { name: LONG, artistName: LONG, trackCount: 1 } };
    const albums = await list(
      ((input: RequestInfo | URL) =>
        String(input).includes('/tracks') ? songs(1)(input) : Promise.resolve(json({ data: [album] }))) as typeof fetch,
      'type="albums" drill-down',
      narrow,
    );
    await untilState(albums, 'list');
    rows(albums)[0].click();
    await waitUntil(() => part(albums, 'header') && albums.getAttribute('state') === 'list', 'the opened album');
    expect(overflows(albums)).to.deep.equal([]);
  });
});

describe('<am-library-list> "Load more" only where it is needed', () => {
  it('stays out of sight while scrolling can load more, and shows while a page loads', async () => {
    const element = await list(songs(300, { hold: true }));
    await untilState(element, 'list');
    const more = () => part(element, 'load-more');
    expect(more()).to.exist;
    expect(shown(more())).to.be.false;
    // Scrolled near the end: the next page loads, and the button says so.
    const box = part(element, 'list')!;
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => element.getAttribute('aria-busy') === 'true', 'the next page loading');
    await element.updateComplete;
    expect(shown(more())).to.be.true;
    expect(more()!.textContent).to.contain('Loading…');
  });

  it('shows for a keyboard user who tabs onto it, and loads the next page from there', async () => {
    const element = await list(songs(300), 'style="--am-list-max-height: 300px"');
    await untilState(element, 'list');
    const more = part(element, 'load-more')!;
    // A keyboard user's window has focus (:focus needs it); an earlier file's popups can leave
    // the test window without it.
    if (!document.hasFocus()) await executeServerCommand('focus-window');
    await waitUntil(() => document.hasFocus(), 'the test window has focus', { timeout: 2000 });
    rows(element)[0].focus();
    await settle(element);
    expect(shown(more)).to.be.false;
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal(more);
    expect(shown(more), `:focus ${more.matches(':focus')}`).to.be.true;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => activeRowIndex(element) === 100, 'focus on the first new row');
    expect(element.items).to.have.length(200);
  });

  it('shows when something clips the list so that scrolling cannot reach its end', async () => {
    const element = await list(songs(300), 'style="--am-list-max-height: none"', 'height: 200px; overflow: hidden');
    await untilState(element, 'list');
    await settle(element);
    expect(shown(part(element, 'load-more'))).to.be.true;
  });
});
