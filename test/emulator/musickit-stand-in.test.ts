// The emulator's MusicKit JS stand-in in a real browser: loaded from the emulator like Apple's
// from its CDN, configured with a developer token, finding the Music User Token under the keys
// am-elements writes, and playing real generated audio from a real click.
import { expect } from '@open-wc/testing';
import { emulatorRequests, issueToken, musicKitUrl, resetEmulator, revokeToken, serveMusicKit } from '../support/emulator.js';
import { fakeDeveloperToken } from '../support/tokens.js';
import { realClick } from '../support/dom.js';

const TOKEN_KEY = 'music.teamid1234.media-user-token'; // iss of fakeDeveloperToken(), lower-cased
const SONG = '1000000001';
const SECOND_SONG = '1000000002';
const ALBUM = '2000000001';
const { playing, paused, stopped, loading } = { loading: 1, playing: 2, paused: 3, stopped: 4 };

let music: any;
const MusicKit = () => (window as any).MusicKit;

/** Resolves with the first `name` event whose payload passes `accept`. */
function nextEvent(name: string, accept: (payload: any) => boolean = () => true): Promise<any> {
  return new Promise((resolve) => {
    const listener = (payload: any) => {
      if (!accept(payload)) return;
      music.removeEventListener(name, listener);
      resolve(payload);
    };
    music.addEventListener(name, listener);
  });
}

/** Runs `action` from a real, trusted click, as a play button would. */
async function fromClick<T>(action: () => Promise<T>): Promise<T> {
  const button = document.createElement('button');
  button.textContent = 'Play';
  document.body.append(button);
  const result = new Promise<T>((resolve, reject) =>
    button.addEventListener('click', () => action().then(resolve, reject), { once: true }),
  );
  try {
    // Both awaited together: an action that fails before the click command returns (Firefox)
    // would otherwise be a rejection nobody handles yet.
    const [, value] = await Promise.all([realClick(button), result]);
    return value;
  } finally {
    button.remove();
  }
}

/** Records the instance's events while a test runs. */
function record(...names: string[]) {
  const events: [string, any][] = [];
  const listeners = names.map((name) => [name, (payload: any) => events.push([name, payload])] as const);
  listeners.forEach(([name, listener]) => music.addEventListener(name, listener));
  return { events, stop: () => listeners.forEach(([name, listener]) => music.removeEventListener(name, listener)) };
}

describe('MusicKit stand-in in the browser', () => {
  before(async () => {
    const loaded = new Promise((resolve) => document.addEventListener('musickitloaded', resolve, { once: true }));
    const script = document.createElement('script');
    script.src = await musicKitUrl();
    document.head.append(script);
    await loaded;
    music = await MusicKit().configure({ developerToken: fakeDeveloperToken(), app: { name: 'am-elements tests', build: '1' } });
  });
  beforeEach(async () => {
    localStorage.clear();
    await resetEmulator();
  });
  afterEach(() => music.stop());

  it('loads from the emulator, fires musickitloaded and configures one instance', async () => {
    expect(MusicKit().getInstance()).to.equal(music);
    expect(MusicKit().PlaybackStates.playing).to.equal(playing);
    expect(MusicKit().PlaybackStates[paused]).to.equal('paused');
    expect(music.isAuthorized).to.equal(false);
    localStorage.setItem(TOKEN_KEY, await issueToken());
    expect(music.isAuthorized).to.equal(true);
  });

  it('plays a catalog song full length from a click, with the stored Music User Token', async () => {
    localStorage.setItem(TOKEN_KEY, await issueToken());
    const { events, stop } = record('playbackStateDidChange', 'nowPlayingItemDidChange');
    const advanced = nextEvent('playbackTimeDidChange', (event) => event.currentPlaybackTime > 0.5);
    await fromClick(() => music.setQueue({ song: SONG, startPlaying: true }));
    const time = await advanced;
    stop();
    expect(music.currentPlaybackTime).to.be.greaterThan(0.5);
    expect(time.currentPlaybackTimeRemaining).to.be.closeTo(time.currentPlaybackDuration - time.currentPlaybackTime, 0.01);
    expect(music.playbackState).to.equal(playing);
    expect(music.nowPlayingItem.id).to.equal(SONG);
    expect(typeof music.nowPlayingItem.title).to.equal('string');
    // Full length, not the 30 s preview.
    expect(music.currentPlaybackDuration).to.be.closeTo(music.nowPlayingItem.playbackDuration / 1000, 0.01);
    expect(music.currentPlaybackDuration).to.be.greaterThan(60);
    const states = events.filter(([name]) => name === 'playbackStateDidChange').map(([, e]) => [e.oldState, e.state]);
    expect(states).to.deep.include([loading, playing]);
    expect(events.filter(([name]) => name === 'nowPlayingItemDidChange').map(([, e]) => e.item.id)).to.deep.equal([SONG]);
    const licence = await emulatorRequests('/WebObjects/MZPlay.woa/wa/webPlayback');
    expect(licence.map((r) => r.status)).to.deep.equal([200]);
    expect((await emulatorRequests(`/audio/full/${SONG}.wav`)).length).to.be.greaterThan(0);
  });

  it('pauses, seeks, sets the volume and stops', async () => {
    localStorage.setItem(TOKEN_KEY, await issueToken());
    const started = nextEvent('playbackStateDidChange', (event) => event.state === playing);
    await fromClick(() => music.setQueue({ song: SONG, startPlaying: true }));
    await started;
    await music.pause();
    expect(music.playbackState).to.equal(paused);
    await music.seekToTime(120);
    expect(music.currentPlaybackTime).to.be.closeTo(120, 0.5);
    expect(music.playbackState).to.equal(paused);
    music.volume = 0.25;
    expect(music.volume).to.equal(0.25);
    music.volume = 7;
    expect(music.volume).to.equal(1);
    const resumed = nextEvent('playbackStateDidChange', (event) => event.state === playing);
    await fromClick(() => music.play());
    await resumed;
    expect(music.currentPlaybackTime).to.be.at.least(120);
    await music.stop();
    expect(music.playbackState).to.equal(stopped);
    expect(music.currentPlaybackTime).to.equal(0);
  });

  it('skips forward and back through an album queue', async () => {
    localStorage.setItem(TOKEN_KEY, await issueToken());
    const started = nextEvent('playbackStateDidChange', (event) => event.state === playing);
    const queue = await fromClick<any>(() => music.setQueue({ album: ALBUM, startPlaying: true }));
    await started;
    expect(queue.items.map((item: any) => item.attributes.trackNumber)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const next = nextEvent('nowPlayingItemDidChange');
    const playingNext = nextEvent('playbackStateDidChange', (event) => event.state === playing && event.nowPlayingItem?.id === SECOND_SONG);
    await music.skipToNextItem();
    expect((await next).item.id).to.equal(SECOND_SONG);
    await playingNext;
    expect(music.queue.position).to.equal(1);
    await music.skipToPreviousItem();
    expect(music.nowPlayingItem.id).to.equal(SONG);
    expect(music.queue.position).to.equal(0);
  });

  it('plays the 30 s preview when no user is signed in', async () => {
    const advanced = nextEvent('playbackTimeDidChange', (event) => event.currentPlaybackTime > 0.2);
    await fromClick(() => music.setQueue({ song: SONG, startPlaying: true }));
    await advanced;
    expect(music.currentPlaybackDuration).to.equal(30);
    expect((await emulatorRequests(`/audio/preview/${SONG}.wav`)).length).to.be.greaterThan(0);
    expect(await emulatorRequests('/WebObjects/')).to.deep.equal([]);
  });

  it('a revoked Music User Token: play fails with mediaPlaybackError and authorization is lost', async () => {
    const token = await issueToken();
    localStorage.setItem(TOKEN_KEY, token);
    await revokeToken(token);
    const { events, stop } = record('mediaPlaybackError', 'authorizationStatusDidChange');
    const failure = await fromClick(() => music.setQueue({ song: SONG, startPlaying: true })).then(
      () => undefined,
      (error) => error,
    );
    stop();
    expect(failure?.errorCode).to.equal('AUTHORIZATION_ERROR');
    expect(events.map(([name]) => name)).to.deep.equal(['authorizationStatusDidChange', 'mediaPlaybackError']);
    expect(events[0][1].authorizationStatus).to.equal(0);
    expect(music.isAuthorized).to.equal(false);
    // Another sign-in (a new token) is authorized again.
    localStorage.setItem(TOKEN_KEY, await issueToken());
    expect(music.isAuthorized).to.equal(true);
  });

  it('a script served with an error status fails to load, as a blocked CDN does', async () => {
    await serveMusicKit({ status: 503 });
    const script = document.createElement('script');
    script.src = await musicKitUrl();
    const failed = new Promise((resolve) => script.addEventListener('error', resolve, { once: true }));
    document.head.append(script);
    await failed;
    script.remove();
  });
});
