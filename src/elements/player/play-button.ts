import { LitElement, css, html } from 'lit';
import type { LibraryResource } from '../../events.js';
import { requestKey } from '../../core/playback/resolve.js';
import type { PlayIds, PlayRequest } from '../../core/playback/types.js';
import { themeStyles } from '../../internal/theme.styles.js';
import { buttonStyles } from '../../internal/button.styles.js';
import { PlayerConsumer } from './player-consumer.js';
import { pauseIcon, playIcon } from './icons.js';

/**
 * Plays an item through its provider's player: a catalog preview for everyone, full length for
 * signed-in subscribers. Play starts inside the click, as Safari requires.
 *
 * @tagname am-play-button
 * @summary A native button that plays (or pauses) one song, album or playlist.
 *
 * @slot - The label; default "Play" ("Pause" while its item plays).
 * @csspart button - The native `<button>`; `aria-pressed` while its item plays.
 * @csspart icon - The play or pause icon.
 * @csspart label - The label.
 */
export class AmPlayButton extends LitElement {
  static override properties = {
    item: { attribute: false },
    songId: { attribute: 'song-id' },
    albumId: { attribute: 'album-id' },
    playlistId: { attribute: 'playlist-id' },
    playText: { attribute: 'play-text' },
    pauseText: { attribute: 'pause-text' },
    tapText: { attribute: 'tap-text' },
    playing: { type: Boolean, reflect: true },
  };

  static override styles = [
    themeStyles,
    buttonStyles,
    css`
      button[aria-pressed='true'] {
        background: var(--am-button-pressed-background, var(--am-button-background, var(--am-accent, #d60017)));
      }
    `,
  ];

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** A resource to play (a song, album or playlist, catalog or library, e.g. from `am-library-select`). Wins over the ids. */
  declare item?: LibraryResource;

  /** A catalog song id, or a library song id (`i.…`). */
  declare songId?: string;

  /** A catalog album id, or a library album id (`l.…`). */
  declare albumId?: string;

  /** A catalog playlist id (`pl.…`), or a library playlist id (`p.…`). */
  declare playlistId?: string;

  /** Label while not playing. */
  playText = 'Play';

  /** Label while its item plays. */
  pauseText = 'Pause';

  /** Label after the browser refused to start audio without a fresh tap. */
  tapText = 'Tap to play';

  /** Reflected while its item plays. */
  playing = false;

  readonly #player = new PlayerConsumer(this);

  /** What this button plays, from `item` or the ids. */
  get request(): PlayRequest | undefined {
    if (this.item) return this.item;
    const ids: PlayIds = { songId: this.songId, albumId: this.albumId, playlistId: this.playlistId };
    return ids.songId || ids.albumId || ids.playlistId ? ids : undefined;
  }

  protected override willUpdate(): void {
    const engine = this.#player.engine;
    const request = this.request;
    this.playing = Boolean(engine && request && engine.state === 'playing' && this.#isMine(request));
  }

  protected override render() {
    const engine = this.#player.engine;
    const mine = Boolean(engine && this.request && this.#isMine(this.request));
    const label = this.playing ? this.pauseText : mine && engine?.needsTap ? this.tapText : this.playText;
    return html`<button
      part="button"
      type="button"
      aria-pressed=${this.playing}
      ?disabled=${!engine || !this.request}
      @click=${this.#onClick}
      @pointerenter=${this.#warmUp}
      @focus=${this.#warmUp}
    >
      <span part="icon" aria-hidden="true">${this.playing ? pauseIcon : playIcon}</span>
      <span part="label"><slot>${label}</slot></span>
    </button>`;
  }

  #isMine(request: PlayRequest): boolean {
    const engine = this.#player.engine!;
    const key = requestKey(request);
    return key !== undefined && (engine.requestKey === key || engine.nowPlaying?.sourceId === key || engine.nowPlaying?.id === key);
  }

  #warmUp(): void {
    const request = this.request;
    this.#player.engine?.warmUp('intent');
    if (request) this.#player.engine?.prepare(request);
  }

  #onClick(): void {
    const engine = this.#player.engine;
    const request = this.request;
    if (!engine || !request) return;
    // Synchronous all the way to the platform's play(): Safari starts audio only inside the click.
    if (this.playing) engine.pause();
    else if (this.#isMine(request) && engine.state === 'paused') void engine.resume();
    else void engine.play(request);
  }
}
