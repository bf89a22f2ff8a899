// The Media Session bridge on its own (lock screens, headsets, media keys): a navigator whose
// mediaSession records what it is given, so every action handler can be invoked here.
import { expect } from '@open-wc/testing';
import { MediaSessionBridge, type MediaSessionControls } from '../../../src/core/playback/media-session.js';
import type { PlaybackTrack } from '../../../src/core/playback/types.js';

function fakeNavigator({ refuse = [] as string[] } = {}) {
  const handlers = new Map<string, MediaSessionActionHandler>();
  const mediaSession = {
    metadata: null as MediaMetadata | null,
    playbackState: 'none' as MediaSessionPlaybackState,
    setActionHandler(action: string, handler: MediaSessionActionHandler) {
      if (refuse.includes(action)) throw new TypeError(`${action} is not supported`);
      handlers.set(action, handler);
    },
  };
  return { nav: { mediaSession } as unknown as Navigator, mediaSession, handlers };
}

function recordingControls() {
  const calls: unknown[][] = [];
  const controls: MediaSessionControls = {
    resume: () => calls.push(['resume']),
    pause: () => calls.push(['pause']),
    seek: (seconds) => calls.push(['seek', seconds]),
    next: () => calls.push(['next']),
    previous: () => calls.push(['previous']),
  };
  return { controls, calls };
}

const TRACK: PlaybackTrack = {
  id: '1000000001',
  sourceId: 'i.1',
  title: 'Song <b>One</b>',
  artistName: 'Artist',
  albumName: 'Album',
  artwork: { url: 'https://example.com/a/{w}x{h}bb.{f}', width: 3000, height: 3000 },
};

describe('Media Session bridge', () => {
  it('sets the track’s metadata (title as given, artwork at three sizes) and the playback state', () => {
    const { nav, mediaSession } = fakeNavigator();
    const bridge = new MediaSessionBridge(recordingControls().controls, nav);
    bridge.update(TRACK, 'playing');
    expect(mediaSession.playbackState).to.equal('playing');
    expect([mediaSession.metadata?.title, mediaSession.metadata?.artist, mediaSession.metadata?.album]).to.deep.equal([
      'Song <b>One</b>',
      'Artist',
      'Album',
    ]);
    expect(mediaSession.metadata!.artwork.map((art) => art.sizes)).to.deep.equal(['96x96', '256x256', '512x512']);
    expect(mediaSession.metadata!.artwork[0].src).to.equal('https://example.com/a/96x96bb.jpg');
    bridge.update(TRACK, 'paused');
    expect(mediaSession.playbackState).to.equal('paused');
    bridge.update(undefined, 'stopped');
    expect(mediaSession.metadata).to.equal(null);
    expect(mediaSession.playbackState).to.equal('none');
  });

  it('answers play, pause, next, previous and seekto from the lock screen or media keys', () => {
    const { nav, handlers } = fakeNavigator();
    const { controls, calls } = recordingControls();
    new MediaSessionBridge(controls, nav).update(TRACK, 'playing');
    expect([...handlers.keys()].sort()).to.deep.equal(['nexttrack', 'pause', 'play', 'previoustrack', 'seekto']);
    const invoke = (action: MediaSessionAction, details: Partial<MediaSessionActionDetails> = {}) =>
      handlers.get(action)!({ action, ...details } as MediaSessionActionDetails);
    invoke('pause');
    invoke('play');
    invoke('nexttrack');
    invoke('previoustrack');
    invoke('seekto', { seekTime: 42.5 });
    invoke('seekto'); // no time: nothing to do
    expect(calls).to.deep.equal([['pause'], ['resume'], ['next'], ['previous'], ['seek', 42.5]]);
  });

  it('keeps the other actions when the browser refuses one, and sets the handlers once', () => {
    const { nav, handlers } = fakeNavigator({ refuse: ['seekto'] });
    const bridge = new MediaSessionBridge(recordingControls().controls, nav);
    bridge.update(TRACK, 'playing');
    const first = handlers.get('pause');
    bridge.update(TRACK, 'paused');
    expect([...handlers.keys()].sort()).to.deep.equal(['nexttrack', 'pause', 'play', 'previoustrack']);
    expect(handlers.get('pause')).to.equal(first);
  });

  it('does nothing in a browser without the Media Session API', () => {
    const bridge = new MediaSessionBridge(recordingControls().controls, {} as Navigator);
    expect(() => bridge.update(TRACK, 'playing')).not.to.throw();
  });
});
