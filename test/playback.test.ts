import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import '../src/playback.js';
import type { AmAuthProvider } from '../src/index.js';
import type { AmPlayButton, AmPlayer } from '../src/playback.js';
import type { PlaybackEngine } from '../src/am-player.js';
import { fakeDeveloperToken } from './support/tokens.js';
import { emulatorOrigin, emulatorRequests, issueToken, resetEmulator, revokeToken } from './support/emulator.js';
import { realClick } from './support/dom.js';
import { sendMouse } from '@web/test-runner-commands';

// Emulator catalog ids (cli/emulator/README.md): 1000000001 has a preview, 1000000002 none;
// album 2000000001 holds 10 store songs.
const SONG = '1000000001';
const SONG_WITHOUT_PREVIEW = '1000000002';
const ALBUM = '2000000001';
const TEAM_KEY = 'music.teamid1234.media-user-token';

interface Recorded {
  type: string;
  detail: any;
}

async function page(options: { songId?: string; albumId?: string; signedIn?: boolean; musickit?: string } = {}) {
  const origin = await emulatorOrigin();
  if (options.signedIn) localStorage.setItem(TEAM_KEY, await issueToken());
  const events: Recorded[] = [];
  const provider = await fixture<AmAuthProvider>(html`
    <am-auth-provider
      developer-token=${fakeDeveloperToken()}
      api-url=${origin}
      authorize-url=${`${origin}/woa`}
      logout-url=""
      musickit-url=${options.musickit ?? `${origin}/musickit/v3/musickit.js`}
      @am-playback-change=${(e: CustomEvent) => events.push({ type: e.type, detail: e.detail })}
      @am-error=${(e: CustomEvent) => events.push({ type: e.type, detail: e.detail })}
    >
      <am-play-button song-id=${options.songId ?? ''} album-id=${options.albumId ?? ''}></am-play-button>
      <am-player></am-player>
    </am-auth-provider>
  `);
  const button = provider.querySelector<AmPlayButton>('am-play-button')!;
  const player = provider.querySelector<AmPlayer>('am-player')!;
  await button.updateComplete;
  if (options.signedIn) await waitUntil(() => provider.isAuthorized, 'signed in from storage');
  return { provider, button, player, events, engine: provider.player as PlaybackEngine };
}

const errors = (events: Recorded[]) => events.filter((e) => e.type === 'am-error').map((e) => e.detail.code);
const states = (events: Recorded[]) => events.filter((e) => e.type === 'am-playback-change').map((e) => e.detail.state);

/** Waits until the engine plays and its position really advances (the browser decodes the audio). */
async function audible(engine: PlaybackEngine) {
  await waitUntil(() => engine.state === 'playing', 'playing', { timeout: 8000 });
  const start = engine.position;
  await waitUntil(() => engine.position > start + 0.25, 'the position advances', { timeout: 8000 });
}

describe('playback: previews for everyone', () => {
  let stop: (() => void) | undefined;
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
  });

  it('a signed-out page plays a catalog preview from a click', async () => {
    const { button, player, events, engine } = await page({ songId: SONG });
    stop = () => engine.stop();
    expect(player.hasAttribute('queued')).to.be.false;
    await realClick(button);
    await audible(engine);
    expect(engine.mode).to.equal('preview');
    expect(engine.nowPlaying?.id).to.equal(SONG);
    expect(states(events).slice(0, 2)).to.deep.equal(['loading', 'playing']);
    expect(errors(events)).to.deep.equal([]);
    await button.updateComplete;
    expect(button.playing).to.be.true;
    expect(button.shadowRoot!.querySelector('button')!.getAttribute('aria-pressed')).to.equal('true');
    await player.updateComplete;
    expect(player.hasAttribute('queued')).to.be.true;
    expect(player.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal(engine.nowPlaying!.title);
    if ('mediaSession' in navigator) expect(navigator.mediaSession.metadata?.title).to.equal(engine.nowPlaying!.title);
  });

  it('starts audio inside the click’s own task once the song was resolved on hover (Safari’s rule)', async () => {
    const { button, engine } = await page({ songId: SONG });
    stop = () => engine.stop();
    // The pointer comes to rest on the button (a real move: pointerenter), as before any click.
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await waitUntil(async () => (await emulatorRequests('/v1/catalog')).some((r) => r.status === 200), 'resolved on hover', {
      timeout: 5000,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    let inClick = false;
    let playedInClick: boolean | undefined;
    const onClick = () => {
      inClick = true;
      setTimeout(() => (inClick = false));
    };
    window.addEventListener('click', onClick, { capture: true });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      playedInClick ??= inClick;
      return play.call(this);
    };
    try {
      await realClick(button);
      await audible(engine);
    } finally {
      HTMLMediaElement.prototype.play = play;
      window.removeEventListener('click', onClick, { capture: true });
    }
    expect(playedInClick).to.be.true;
  });

  it('pauses and resumes from the same button', async () => {
    const { button, engine } = await page({ songId: SONG });
    stop = () => engine.stop();
    await realClick(button);
    await audible(engine);
    await realClick(button);
    await waitUntil(() => engine.state === 'paused', 'paused', { timeout: 5000 });
    await realClick(button);
    await audible(engine);
  });

  it('queues an album’s tracks and moves to the next one', async () => {
    const { button, engine } = await page({ albumId: ALBUM });
    stop = () => engine.stop();
    await realClick(button);
    await audible(engine);
    expect(engine.queue).to.have.length(10);
    const first = engine.nowPlaying!.id;
    engine.next();
    await waitUntil(() => engine.nowPlaying?.id !== first && engine.state === 'playing', 'the next track plays', { timeout: 8000 });
  });

  it('reports preview-unavailable, once per click, for a song Apple has no preview of', async () => {
    const { button, events, engine } = await page({ songId: SONG_WITHOUT_PREVIEW });
    await realClick(button);
    await waitUntil(() => errors(events).length === 1, 'one am-error');
    expect(errors(events)).to.deep.equal(['preview-unavailable']);
    expect(engine.state).to.equal('stopped');
  });

  it('reports autoplay-blocked and offers "tap to play" when the browser refuses to start audio', async () => {
    const { button, events, engine } = await page({ songId: SONG });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = () => Promise.reject(new DOMException('Needs a gesture', 'NotAllowedError'));
    try {
      await realClick(button);
      await waitUntil(() => errors(events).length === 1, 'one am-error');
    } finally {
      HTMLMediaElement.prototype.play = play;
    }
    expect(errors(events)).to.deep.equal(['autoplay-blocked']);
    expect(engine.needsTap).to.be.true;
    await button.updateComplete;
    expect(button.shadowRoot!.querySelector('[part=label]')!.textContent!.trim()).to.equal('Tap to play');
  });
});

describe('playback: full length for signed-in subscribers', () => {
  let restore: (() => void) | undefined;
  let stop: (() => void) | undefined;
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });
  afterEach(() => {
    stop?.();
    restore?.();
    stop = restore = undefined;
  });

  /** This test browser has no DRM key system (TOOLCHAIN): pretend it has one. */
  function withDrm() {
    const original = navigator.requestMediaKeySystemAccess;
    navigator.requestMediaKeySystemAccess = () => Promise.resolve({} as MediaKeySystemAccess);
    restore = () => (navigator.requestMediaKeySystemAccess = original);
  }

  /** A browser without the key system (as the test engines are, but not a desktop Chrome with Widevine). */
  function withoutDrm() {
    const original = navigator.requestMediaKeySystemAccess;
    navigator.requestMediaKeySystemAccess = () => Promise.reject(new DOMException('No key system', 'NotSupportedError'));
    restore = () => (navigator.requestMediaKeySystemAccess = original);
  }

  it('without DRM plays the preview, with exactly one drm-unavailable', async () => {
    withoutDrm();
    const { button, events, engine } = await page({ songId: SONG, signedIn: true });
    stop = () => engine.stop();
    await realClick(button);
    await audible(engine);
    expect(engine.mode).to.equal('preview');
    engine.stop();
    await realClick(button);
    await audible(engine);
    expect(errors(events)).to.deep.equal(['drm-unavailable']);
  });

  it('plays full length through MusicKit JS (the emulator’s stand-in) with no second popup, and signing out stops it', async () => {
    withDrm();
    const { provider, button, events, engine } = await page({ songId: SONG, signedIn: true });
    stop = () => engine.stop();
    const open = window.open;
    let opened = 0;
    window.open = (...args: Parameters<typeof window.open>) => (opened++, open.apply(window, args));
    try {
      await realClick(button);
      await audible(engine);
    } finally {
      window.open = open;
    }
    expect(engine.mode).to.equal('full');
    expect(opened).to.equal(0);
    expect(errors(events)).to.deep.equal([]);
    expect(engine.duration).to.be.greaterThan(60);
    await provider.unauthorize();
    await waitUntil(() => engine.state === 'stopped', 'signing out stops full playback', { timeout: 5000 });
  });

  it('a Music User Token Apple has revoked: MusicKit finds it signed out, and so does the provider', async () => {
    withDrm();
    const { provider, button, engine } = await page({ songId: SONG, signedIn: true });
    stop = () => engine.stop();
    await realClick(button);
    await audible(engine);
    expect(engine.mode).to.equal('full');
    engine.stop();
    await revokeToken(localStorage.getItem(TEAM_KEY)!);
    await realClick(button);
    await waitUntil(() => !provider.isAuthorized, 'the provider signed out', { timeout: 8000 });
    expect(localStorage.getItem(TEAM_KEY)).to.equal(null);
  });

  it('falls back to the preview with one musickit-unavailable when MusicKit JS never loads', async () => {
    withDrm();
    // As on a fresh page: no MusicKit from an earlier test.
    delete (window as { MusicKit?: unknown }).MusicKit;
    const origin = await emulatorOrigin();
    const { button, events, engine } = await page({
      songId: SONG,
      signedIn: true,
      musickit: `${origin}/musickit/v3/musickit.js?delay=never`,
    });
    stop = () => engine.stop();
    engine.musicKitTimeoutMs = 500;
    await realClick(button);
    await audible(engine);
    expect(engine.mode).to.equal('preview');
    expect(errors(events)).to.deep.equal(['musickit-unavailable']);
  });
});

describe('<am-player>', () => {
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });

  it('is accessible and answers the keyboard: Space toggles, arrows seek', async () => {
    const { button, player, engine } = await page({ songId: SONG });
    await realClick(button);
    await audible(engine);
    await player.updateComplete;
    await expect(player).to.be.accessible();
    const bar = player.shadowRoot!.querySelector<HTMLElement>('[part=player]')!;
    const slider = player.shadowRoot!.querySelector<HTMLInputElement>('[part=progress]')!;
    expect(slider.getAttribute('aria-valuetext')).to.match(/^\d+ minutes? \d+ seconds? of \d+ minutes? \d+ seconds?$/);
    bar.focus();
    bar.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    await waitUntil(() => engine.state === 'paused', 'paused', { timeout: 5000 });
    const before = engine.position;
    bar.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await waitUntil(() => engine.position >= before + 4, 'seeked 5 s ahead', { timeout: 5000 });
    engine.stop();
  });
});
