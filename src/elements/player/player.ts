import { LitElement, html, nothing } from 'lit';
import { artworkUrl } from '../../core/artwork.js';
import type { PreloadPolicy } from '../../core/playback/playback-engine.js';
import type { PlaybackModePreference } from '../../core/playback/types.js';
import { themeStyles } from '../../internal/theme.styles.js';
import { PlayerConsumer } from './player-consumer.js';
import { playerStyles } from './player.styles.js';
import { nextIcon, pauseIcon, playIcon, previousIcon, volumeIcon } from './icons.js';

/** `m:ss` for display, and the spoken form for `aria-valuetext`. */
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
const spoken = (seconds: number) => {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.floor(seconds % 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'} ${rest} second${rest === 1 ? '' : 's'}`;
};

/**
 * The player bar of its provider's playback engine: what plays, play/pause, previous/next, a
 * progress slider, time and volume. Hidden while nothing is queued, unless `persistent`.
 *
 * @tagname am-player
 * @summary Playback controls and now-playing for `<am-play-button>` and playable lists.
 *
 * @csspart player - The bar.
 * @csspart artwork - The track's artwork `<img>`.
 * @csspart title - The track's name.
 * @csspart subtitle - The artist (and album).
 * @csspart play - The play/pause button.
 * @csspart previous - The previous-track button.
 * @csspart next - The next-track button.
 * @csspart progress - The progress slider (`<input type=range>`, spoken time as `aria-valuetext`).
 * @csspart time - Elapsed and remaining time.
 * @csspart volume - The volume slider.
 *
 * @cssprop [--am-surface=light-dark(#fff, #1c1c1e)] - The bar's background.
 * @cssprop [--am-text=light-dark(#1d1d1f, #f5f5f7)] - Text colour.
 * @cssprop [--am-accent=#d60017] - Play button and sliders.
 * @cssprop [--am-player-radius=12px] - Corner radius of the bar.
 * @cssprop [--am-player-border-color=#8884] - Border of the bar.
 * @cssprop [--am-player-artwork-size=48px] - Artwork size.
 */
export class AmPlayer extends LitElement {
  static override properties = {
    mode: {},
    preload: {},
    persistent: { type: Boolean },
    colorScheme: { attribute: 'color-scheme', reflect: true },
    queued: { type: Boolean, reflect: true },
    playText: { attribute: 'play-text' },
    pauseText: { attribute: 'pause-text' },
    tapText: { attribute: 'tap-text' },
    previousText: { attribute: 'previous-text' },
    nextText: { attribute: 'next-text' },
    progressText: { attribute: 'progress-text' },
    volumeText: { attribute: 'volume-text' },
    nowPlayingText: { attribute: 'now-playing-text' },
    playerText: { attribute: 'player-text' },
  };

  static override styles = [themeStyles, playerStyles];

  /** `auto` (full length when signed in and possible, else previews), `preview` or `full`. */
  mode: PlaybackModePreference = 'auto';

  /** When MusicKit JS loads for full length: `intent` (a play control hovered or focused, or sign-in), `idle`, `none`. */
  preload: PreloadPolicy = 'intent';

  /** Stay visible while nothing is queued. */
  persistent = false;

  /** Renders in this colour scheme (`auto` follows `prefers-color-scheme`); unset, it inherits the page's. */
  declare colorScheme?: 'light' | 'dark' | 'auto';

  /** Reflected while something is queued (the bar shows). */
  queued = false;

  /** Accessible name of the play button while paused. */
  playText = 'Play';

  /** Accessible name of the play button while playing. */
  pauseText = 'Pause';

  /** Accessible name of the play button after the browser refused to start audio without a tap. */
  tapText = 'Tap to play';

  /** Accessible name of the previous-track button. */
  previousText = 'Previous';

  /** Accessible name of the next-track button. */
  nextText = 'Next';

  /** Accessible name of the progress slider. */
  progressText = 'Position';

  /** Accessible name of the volume slider. */
  volumeText = 'Volume';

  /** Accessible name of the bar. */
  playerText = 'Player';

  /** Announced (politely) when a track starts; `{title}` and `{artist}` are filled in. */
  nowPlayingText = 'Now playing: {title} by {artist}';

  readonly #player = new PlayerConsumer(this);

  protected override willUpdate(): void {
    const engine = this.#player.engine;
    if (engine) {
      engine.modePreference = this.mode;
      engine.preload = this.preload;
    }
    this.queued = Boolean(engine?.nowPlaying);
  }

  protected override render() {
    const engine = this.#player.engine;
    const track = engine?.nowPlaying;
    const playing = engine?.state === 'playing' || engine?.state === 'loading';
    const position = engine?.position ?? 0;
    const duration = engine?.duration ?? 0;
    const image = track?.artwork ? artworkUrl(track.artwork, 48 * (globalThis.devicePixelRatio || 1)) : '';
    const subtitle = [track?.artistName, track?.albumName].filter(Boolean).join(' — ');
    const index = engine?.queue.indexOf(track!) ?? -1;
    return html`<div part="player" role="group" aria-label=${this.playerText} tabindex="0" @keydown=${this.#onKey} @pointerenter=${this.#warmUp} @focusin=${this.#warmUp}>
      ${image ? html`<img part="artwork" src=${image} alt="" />` : html`<span part="artwork"></span>`}
      <div class="text">
        <span part="title">${track?.title ?? ''}</span>
        <span part="subtitle">${subtitle}</span>
      </div>
      <div class="controls">
        <button part="previous" type="button" aria-label=${this.previousText} ?disabled=${!track} @click=${() => engine?.previous()}>${previousIcon}</button>
        <button part="play" type="button" aria-label=${playing ? this.pauseText : engine?.needsTap ? this.tapText : this.playText} ?disabled=${!track} @click=${this.#toggle}>
          ${playing ? pauseIcon : playIcon}
        </button>
        <button part="next" type="button" aria-label=${this.nextText} ?disabled=${!track || index + 1 >= (engine?.queue.length ?? 0)} @click=${() => engine?.next()}>${nextIcon}</button>
      </div>
      <div class="progress">
        <input
          part="progress"
          type="range"
          aria-label=${this.progressText}
          min="0"
          max=${Math.max(1, Math.round(duration))}
          step="1"
          .value=${String(Math.round(position))}
          aria-valuetext=${`${spoken(position)} of ${spoken(duration)}`}
          ?disabled=${!track}
          @input=${(event: Event) => engine?.seek(Number((event.target as HTMLInputElement).value))}
        />
        <span part="time">${clock(position)} / −${clock(Math.max(0, duration - position))}</span>
      </div>
      <label class="volume">
        ${volumeIcon}
        <input part="volume" type="range" aria-label=${this.volumeText} min="0" max="1" step="0.05" .value=${String(engine?.volume ?? 1)} @input=${(event: Event) => engine && (engine.volume = Number((event.target as HTMLInputElement).value))} />
      </label>
    </div>
    <span class="sr" role="status">${track && engine?.state === 'playing' ? this.#announce(track.title, track.artistName) : nothing}</span>`;
  }

  /** The live region's text; re-rendering the same text announces nothing, a new track is announced once. */
  #announce(title: string, artist = ''): string {
    const text = artist ? this.nowPlayingText : this.nowPlayingText.replace(/\s*\S*\s*\{artist\}/, '');
    return text.replace('{title}', title).replace('{artist}', artist);
  }

  #toggle(): void {
    const engine = this.#player.engine;
    if (!engine) return;
    if (engine.state === 'playing' || engine.state === 'loading') engine.pause();
    else void engine.resume();
  }

  #warmUp(): void {
    this.#player.engine?.warmUp('intent');
  }

  /** Space toggles and arrows seek while focus is in the bar (sliders and buttons keep their own keys). */
  #onKey(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    const engine = this.#player.engine;
    if (!engine?.nowPlaying || target.localName === 'input') return;
    if (event.key === ' ' && target.localName !== 'button') {
      event.preventDefault();
      this.#toggle();
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      engine.seek(engine.position + (event.key === 'ArrowLeft' ? -5 : 5));
    }
  }
}
