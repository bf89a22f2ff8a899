// Every visible string is replaceable (issue 6 part 5): the buttons by their slot and
// `*-text` attributes, the list by its slots and `*-text` attributes. A French page.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../src/index.js';
import { AppleMusicApi, authContext, type AmAuthProvider, type AmLibraryList, type AuthState } from '../src/index.js';
import { fakeDeveloperToken } from './support/tokens.js';
import { emulatorOrigin, resetEmulator } from './support/emulator.js';

/** The French texts of docs/i18n.md, as attributes. */
const FRENCH_LIST = {
  'loading-text': 'Chargement…',
  'empty-text': 'Rien ici pour l’instant.',
  'signed-out-text': 'Connectez Apple Music pour voir votre bibliothèque.',
  'retry-text': 'Réessayer',
  'load-more-text': 'Charger la suite',
  'tracks-text': '{n} titre|{n} titres',
  'error-text': 'Impossible de charger la bibliothèque',
  'rate-limited-text': 'Trop de requêtes vers Apple Music. Réessayez dans un instant.',
  'server-error-text': 'Apple Music ne répond pas (HTTP {status}). Réessayez.',
  'rejected-text': 'Apple Music a refusé la connexion. Connectez-vous à nouveau.',
  'offline-text': 'Impossible de joindre Apple Music. Vérifiez votre connexion.',
  'cross-origin-text': 'Apple Music a envoyé un lien vers un autre site ; il n’a pas été suivi.',
  'no-library-text':
    'Votre bibliothèque Apple Music n’est pas disponible. Activez « Synchroniser la bibliothèque » : sur iPhone ou iPad dans Réglages › Apps › Musique, sur Mac dans Musique › Réglages › Général.',
  'no-matches-text': 'Aucun résultat pour « {query} ».',
  'back-text': 'Retour',
  'upload-text': 'Importé',
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number) => json({ errors: [{ status: `${status}`, code: `${status}00`, title: 'Nope' }] }, status);

/** A French list behind a plain context provider whose API answers with `answer`. */
async function frenchList(answer: (url: URL) => Response | Promise<Response>, type = 'playlists') {
  const host = await fixture<HTMLDivElement>(html`<div lang="fr"></div>`);
  const api = new AppleMusicApi({
    apiUrl: 'https://api.music.apple.com',
    getDeveloperToken: async () => 'dev',
    getMusicUserToken: () => 'mut',
    getStorefrontId: () => 'fr',
    onUserTokenRejected: () => undefined,
    fetch: (async (input: RequestInfo | URL) => answer(new URL(String(input)))) as typeof fetch,
    retries: 0,
  });
  const state: AuthState = {
    status: 'authorized',
    isAuthorized: true,
    busy: false,
    storefrontId: 'fr',
    restricted: false,
    controller: { api, authorizeFrom: async () => 'mut', unauthorizeFrom: async () => undefined },
  };
  new ContextProvider(host, { context: authContext, initialValue: state });
  const list = document.createElement('am-library-list');
  list.type = type as AmLibraryList['type'];
  list.setAttribute('aria-label', 'Mes playlists');
  for (const [name, value] of Object.entries(FRENCH_LIST)) list.setAttribute(name, value);
  host.append(list);
  await list.updateComplete;
  return list;
}

const part = (list: AmLibraryList, name: string) => list.shadowRoot!.querySelector<HTMLElement>(`[part=${name}]`);
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

async function untilState(list: AmLibraryList, state: string): Promise<void> {
  await waitUntil(() => list.getAttribute('state') === state, `state "${state}" (is "${list.getAttribute('state')}")`, { timeout: 5000 });
  await list.updateComplete;
}

describe('every visible string in French', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });

  it('buttons: labels by slot, announcements by attribute; the list signed out', async () => {
    const origin = await emulatorOrigin();
    const provider = await fixture<AmAuthProvider>(html`
      <am-auth-provider lang="fr" developer-token=${fakeDeveloperToken()} authorize-url="${origin}/woa" api-url=${origin} logout-url="">
        <am-authorize-button connected-text="Connecté à Apple Music" disconnected-text="Déconnecté d’Apple Music">Connecter Apple Music</am-authorize-button>
        <am-unauthorize-button>Déconnecter</am-unauthorize-button>
        <am-library-list signed-out-text=${FRENCH_LIST['signed-out-text']}></am-library-list>
      </am-auth-provider>
    `);
    const [authorize, unauthorize, list] = [...provider.children] as [HTMLElement, HTMLElement, AmLibraryList];
    await list.updateComplete;
    const label = (element: Element) =>
      element
        .shadowRoot!.querySelector('slot')!
        .assignedNodes()
        .map((node) => node.textContent)
        .join('');
    expect(label(authorize)).to.equal('Connecter Apple Music');
    expect(label(unauthorize)).to.equal('Déconnecter');
    expect(text(part(list, 'signed-out')!.querySelector('p'))).to.equal(FRENCH_LIST['signed-out-text']);
    expect((authorize as any).connectedText).to.equal('Connecté à Apple Music');
    // The whole signed-out content (with a French Connect button) through the slot.
    list.innerHTML = '<div slot="signed-out"><p>Votre musique, ici.</p><am-authorize-button>Se connecter</am-authorize-button></div>';
    const slot = list.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=signed-out]')!;
    expect(text(slot.assignedElements()[0])).to.equal('Votre musique, ici.Se connecter');
    await expect(provider).to.be.accessible();
  });

  it('the list: loading, rows with a track count, "Charger la suite"', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const list = await frenchList(async (url) => {
      await gate;
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const data = [1, 12].map((count, k) => ({
        id: `p.${offset + k}`,
        type: 'library-playlists',
        attributes: { name: `Playlist ${offset + k}`, trackCount: count },
      }));
      return json({ data, meta: { total: 40 }, next: `/v1/me/library/playlists?offset=${offset + 2}` });
    });
    await untilState(list, 'loading');
    expect(text(part(list, 'loading'))).to.equal('Chargement…');
    release();
    await untilState(list, 'list');
    const subtitles = [...list.shadowRoot!.querySelectorAll('[part=subtitle]')].map(text);
    expect(subtitles.slice(0, 2)).to.deep.equal(['1 titre', '12 titres']);
    await waitUntil(() => text(part(list, 'load-more')) === 'Charger la suite', 'the load-more label');
    await expect(list).to.be.accessible();
  });

  it('the list: empty', async () => {
    const list = await frenchList(() => json({ data: [] }));
    await untilState(list, 'empty');
    expect(text(part(list, 'empty'))).to.equal('Rien ici pour l’instant.');
  });

  const failures: [string, () => Response | Promise<Response>, string][] = [
    ['429', () => error(429), FRENCH_LIST['rate-limited-text']],
    ['503', () => error(503), 'Apple Music ne répond pas (HTTP 503). Réessayez.'],
    ['403', () => error(403), FRENCH_LIST['rejected-text']],
    ['network', () => Promise.reject(new TypeError('Failed to fetch')), FRENCH_LIST['offline-text']],
    [
      'another origin',
      () => json({ data: [{ id: 'p.1', type: 'library-playlists' }], next: 'https://evil.example/v1/me/library/playlists?offset=2' }),
      FRENCH_LIST['cross-origin-text'],
    ],
    // (A 404 on the first page means no cloud library: see test/library-list/depth.test.ts.)
    ['400', () => error(400), 'Impossible de charger la bibliothèque: Nope'],
  ];
  for (const [name, answer, sentence] of failures) {
    it(`the list: error (${name}) with "Réessayer", announced and in am-error`, async () => {
      const errors: string[] = [];
      const onError = (event: Event) => errors.push((event as CustomEvent).detail.message);
      document.addEventListener('am-error', onError);
      try {
        const list = await frenchList(answer);
        await waitUntil(() => part(list, 'error'), 'the error');
        await list.updateComplete;
        expect(text(part(list, 'error'))).to.equal(`${sentence} Réessayer`);
        expect(text(part(list, 'retry'))).to.equal('Réessayer');
        expect(text(list.shadowRoot!.querySelector('[role=status]'))).to.equal(sentence);
        expect(errors).to.deep.equal([sentence]);
      } finally {
        document.removeEventListener('am-error', onError);
      }
    });
  }

  it('the list: no library, no matches', async () => {
    const list = await frenchList(() => error(404));
    await untilState(list, 'no-library');
    expect(text(part(list, 'no-library'))).to.equal(FRENCH_LIST['no-library-text']);
    const search = await frenchList(() => json({ results: {} }));
    search.query = 'jazz';
    await untilState(search, 'no-matches');
    expect(text(part(search, 'no-matches'))).to.equal('Aucun résultat pour « jazz ».');
  });

  it('the list: an opened playlist’s "Retour" and count, an uploaded song “Importé”', async () => {
    const list = await frenchList((url) =>
      url.pathname.endsWith('/tracks')
        ? json({
            data: [
              {
                id: 'i.1',
                type: 'library-songs',
                attributes: { name: 'À moi', artistName: 'Moi' },
                relationships: { catalog: { data: [] } },
              },
            ],
            meta: { total: 1 },
          })
        : json({ data: [{ id: 'p.1', type: 'library-playlists', attributes: { name: 'Playlist' } }] }),
    );
    list.drillDown = true;
    await untilState(list, 'list');
    part(list, 'item')!.click();
    await waitUntil(() => part(list, 'upload'), 'the opened playlist');
    expect([text(part(list, 'back')), text(part(list, 'count')), text(part(list, 'upload'))]).to.deep.equal([
      'Retour',
      '1 titre',
      'Importé',
    ]);
    await expect(list).to.be.accessible();
  });

  it('texts can change at run time (a language switch)', async () => {
    const list = await frenchList(() => json({ data: [] }));
    await untilState(list, 'empty');
    list.emptyText = 'まだ何もありません。';
    await list.updateComplete;
    expect(text(part(list, 'empty'))).to.equal('まだ何もありません。');
    list.removeAttribute('empty-text');
    list.emptyText = 'Nothing here yet.';
    await list.updateComplete;
    expect(text(part(list, 'empty'))).to.equal('Nothing here yet.');
  });
});
