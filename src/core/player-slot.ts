import type { PlaybackEngine } from './playback/playback-engine.js';
import type { AppleMusicApi } from './api-client.js';

/** What a provider offers its playback engine, besides its public state. */
export interface PlayerProvider extends HTMLElement {
  readonly api: AppleMusicApi;
  readonly isAuthorized: boolean;
  readonly storefrontId: string;
  musickitUrl: string;
  appName?: string;
  appBuild: string;
}

export interface PlayerProviderAccess {
  developerToken(): Promise<string>;
  /** MusicKit found the Music User Token revoked: forget it, as a 403 from the API does. */
  forgetUser(): void;
}

/**
 * Filled in by the playback elements' module. The provider creates its engine through it on
 * first use, so a page without playback elements carries no playback code at all.
 */
export const playerSlot: { create?: (provider: PlayerProvider, access: PlayerProviderAccess) => PlaybackEngine } = {};
