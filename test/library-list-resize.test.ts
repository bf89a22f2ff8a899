// <am-library-list> re-measures when it is resized without tripping the ResizeObserver loop
// error: every engine reports "ResizeObserver loop completed with undelivered notifications" to
// the page (error trackers see it) when the list re-renders, and resizes itself, inside the
// observer's callback (WebKit's timing showed it in the suite first).
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { AmLibraryList } from '../src/index.js';
import { provideSignedIn } from './support/signed-in.js';

const songs = (count: number) =>
  (async () =>
    new Response(
      JSON.stringify({
        data: Array.from({ length: count }, (_, i) => ({
          id: `i.${i}`,
          type: 'library-songs',
          attributes: { name: `Song ${i}`, artistName: 'Ada' },
        })),
      }),
      { headers: { 'Content-Type': 'application/json' } },
    )) as typeof fetch;

describe('<am-library-list> resized', () => {
  it('re-measures its rows outside the ResizeObserver callback: no loop error reaches the page', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError, { capture: true });
    try {
      const host = await fixture<HTMLDivElement>(html`<div style="width: 400px"></div>`);
      provideSignedIn(host, songs(3));
      const list = document.createElement('am-library-list') as AmLibraryList;
      host.append(list);
      await waitUntil(() => list.getAttribute('state') === 'list', 'the list');
      await nextFrame();
      // Taller rows and a narrower box at once: the observer sees the new width, the list finds
      // the new row height, and its sizer (three rows tall) changes the list's own height.
      list.style.setProperty('--am-row-height', '90px');
      host.style.width = '300px';
      for (let i = 0; i < 4; i++) await nextFrame();
      await list.updateComplete;
      expect(list.shadowRoot!.querySelector<HTMLElement>('.sizer')!.style.height).to.equal('270px');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError, { capture: true });
    }
  });
});
