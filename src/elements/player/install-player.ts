import { emit } from '../../events.js';
import { endpointProblem } from '../../core/endpoint.js';
import { PlaybackEngine } from '../../core/playback/playback-engine.js';
import { playerSlot } from '../../core/player-slot.js';

/** A playback failure or fallback, as `am-error`'s `error`; `code` as in its detail. */
export class PlaybackError extends Error {
  override name = 'PlaybackError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// Loading this module (any playback element does) lets providers create their engine. Events
// leave from the provider, as all of its state does.
playerSlot.create ??= (provider, access) =>
  new PlaybackEngine({
    get api() {
      return provider.api;
    },
    get isAuthorized() {
      return provider.isAuthorized;
    },
    get storefrontId() {
      return provider.storefrontId;
    },
    get musickitUrl() {
      return provider.musickitUrl;
    },
    get appName() {
      return provider.appName || provider.ownerDocument.title || provider.ownerDocument.location.host;
    },
    get appBuild() {
      return provider.appBuild;
    },
    async developerToken() {
      // Tokens go to MusicKit only when it is loaded from an https: origin (http: on loopback, for the emulator).
      const refused = endpointProblem('musickit-url', provider.musickitUrl);
      if (refused) throw new Error(refused);
      return access.developerToken();
    },
    onChange: (snapshot) => emit(provider, 'am-playback-change', snapshot),
    onError: (code, message) => emit(provider, 'am-error', { code, message, error: new PlaybackError(code, message) }),
    onSignedOutByMusicKit: () => access.forgetUser(),
  });
