// Helpers for <am-library-list> tests against the emulator: sign-in without a popup, a
// provider with a list inside, waiting for states, reading parts and the request log.
import { fixture, nextFrame, waitUntil } from '@open-wc/testing';
import type { AmAuthProvider, AmLibraryList } from '../../src/index.js';
import { fakeDeveloperToken } from './tokens.js';
import { control, emulatorOrigin, emulatorRequests } from './emulator.js';

export const TEAM = 'DEPTHTEAM1';
export const developerToken = fakeDeveloperToken({ iss: TEAM });
const key = (name: string) => `music.${TEAM.toLowerCase()}.${name}`;

/**
 * Signs in without a popup: a token from the emulator, stored where the provider reads it.
 * `library`: what the user has in iCloud Music Library (`none`: Sync Library off).
 */
export async function signIn(library: 'full' | 'none' | 'empty' = 'full'): Promise<string> {
  const { musicUserToken } = await control('issue', { library });
  localStorage.setItem(key('itre'), '0');
  localStorage.setItem(key('media-user-token'), musicUserToken);
  return musicUserToken;
}

export const setLatency = (ms: number) => control('latency', { ms });

/**
 * A provider pointed at the emulator with `listMarkup` (an `<am-library-list …>`) inside. The
 * event listeners are attached before the elements join the page: signed in, the first page can
 * arrive (and its `am-library-load` fire) within the first frame.
 */
export async function mountList(listMarkup: string, { switches = 'outcome=authorize', style = '' } = {}) {
  const origin = await emulatorOrigin();
  const wrapper = await fixture<HTMLDivElement>(`<div style="${style}"></div>`);
  const template = document.createElement('template');
  template.innerHTML = `<am-auth-provider developer-token="${developerToken}" authorize-url="${origin}/woa?${switches}" api-url="${origin}" logout-url="">
      ${listMarkup}
    </am-auth-provider>`;
  const content = document.importNode(template.content, true);
  const provider = content.querySelector<AmAuthProvider>('am-auth-provider')!;
  const list = content.querySelector<AmLibraryList>('am-library-list')!;
  const loads: CustomEvent[] = [];
  const selects: CustomEvent[] = [];
  const errors: CustomEvent[] = [];
  list.addEventListener('am-library-load', (event) => loads.push(event));
  list.addEventListener('am-library-select', (event) => selects.push(event));
  list.addEventListener('am-error', (event) => errors.push(event));
  wrapper.append(content);
  await list.updateComplete;
  // As a fixture with the markup inside would: the first frame has been rendered.
  await nextFrame();
  return { wrapper, provider, list, origin, loads, selects, errors };
}

export const part = (list: AmLibraryList, name: string) => list.shadowRoot!.querySelector<HTMLElement>(`[part~=${name}]`);
export const rows = (list: AmLibraryList) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part=item]')];
export const rowIndex = (row: Element | null | undefined) => Number(row?.getAttribute('aria-posinset')) - 1;
export const activeRowIndex = (list: AmLibraryList) => rowIndex(list.shadowRoot!.activeElement);
export const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export async function untilState(list: AmLibraryList, state: string, timeout = 8000): Promise<void> {
  await waitUntil(() => list.getAttribute('state') === state, `state "${state}" (is "${list.getAttribute('state')}")`, { timeout });
  await list.updateComplete;
}

/** Lets scroll events and the re-renders that follow them happen. */
export async function settle(list: AmLibraryList): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await nextFrame();
    await list.updateComplete;
  }
}

/** Scrolls the list to its end, page after page, until a page says `done`. */
export async function scrollToEnd(list: AmLibraryList, loads: CustomEvent[], timeout = 8000): Promise<void> {
  while (!loads.at(-1)?.detail.done) {
    const before = loads.length;
    const box = part(list, 'list')!;
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => loads.length > before || list.getAttribute('state') === 'error', 'the next page', { timeout });
    if (list.getAttribute('state') === 'error') throw new Error(`the list failed: ${text(part(list, 'error'))}`);
  }
  const box = part(list, 'list')!;
  box.scrollTop = box.scrollHeight;
  await settle(list);
}

type Logged = { path: string; status: number; query: Record<string, string> };
export const requests = async (path: string) => (await emulatorRequests(path)) as unknown as Logged[];

/** GETs an API path of the emulator as the signed-in user, as the page would. */
export async function apiGet(path: string, musicUserToken: string): Promise<any> {
  const response = await fetch(`${await emulatorOrigin()}${path}`, {
    headers: { Authorization: `Bearer ${developerToken}`, 'Music-User-Token': musicUserToken },
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** Whether `element` takes up space on screen (the "Load more" button is 1 px while hidden). */
export const shown = (element: Element | null | undefined) =>
  !!element && element.getBoundingClientRect().width > 1 && element.getBoundingClientRect().height > 1;
