import { css } from 'lit';

// A finished bar on an unstyled page: its own surface in the page's colour scheme, the same
// font stack as the buttons, and a compact layout below 480 px.
export const playerStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--am-font, system-ui, -apple-system, sans-serif);
    color: var(--am-text, light-dark(#1d1d1f, #f5f5f7));
    color-scheme: inherit;
  }
  :host(:not([persistent]):not([queued])) {
    display: none;
  }
  [part='player'] {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto minmax(8rem, 2fr) auto;
    grid-template-areas: 'artwork text controls progress volume';
    align-items: center;
    gap: var(--am-space-3, 0.75rem);
    padding: var(--am-space-2, 0.5rem) var(--am-space-3, 0.75rem);
    background: var(--am-surface, light-dark(#fff, #1c1c1e));
    border: 1px solid var(--am-player-border-color, #8884);
    border-radius: var(--am-player-radius, 12px);
    box-sizing: border-box;
  }
  [part='artwork'] {
    grid-area: artwork;
    width: var(--am-player-artwork-size, 48px);
    height: var(--am-player-artwork-size, 48px);
    border-radius: var(--am-artwork-radius, 4px);
    background: #8883;
    object-fit: cover;
  }
  .text {
    grid-area: text;
    display: grid;
    min-width: 0;
  }
  .text > * {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  [part='title'] {
    font-weight: 600;
  }
  [part='subtitle'] {
    font-size: 0.85em;
    opacity: 0.75;
  }
  .controls {
    grid-area: controls;
    display: flex;
    align-items: center;
    gap: var(--am-space-1, 0.25rem);
  }
  button {
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    padding: 0.55rem;
    border: 0;
    border-radius: 50%;
    background: none;
    color: inherit;
    cursor: pointer;
  }
  [part='play'] {
    background: var(--am-accent, #d60017);
    color: var(--am-on-accent, #fff);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.4;
  }
  svg {
    width: 100%;
    height: 100%;
    fill: currentColor;
  }
  :focus-visible {
    outline: 2px solid var(--am-focus-ring, var(--am-accent, #d60017));
    outline-offset: 2px;
  }
  .progress {
    grid-area: progress;
    display: flex;
    align-items: center;
    gap: var(--am-space-2, 0.5rem);
    min-width: 0;
  }
  input[type='range'] {
    flex: auto;
    min-width: 0;
    margin: 0;
    accent-color: var(--am-accent, #d60017);
  }
  [part='time'] {
    font-size: 0.8em;
    font-variant-numeric: tabular-nums;
    opacity: 0.75;
    white-space: nowrap;
  }
  .volume {
    grid-area: volume;
    display: flex;
    align-items: center;
    width: 7rem;
  }
  .volume svg {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
  }
  @media (hover: hover) {
    button:not([part='play']):not(:disabled):hover {
      background: var(--am-row-hover, #8882);
    }
  }
  @container (max-width: 480px) {
    [part='player'] {
      grid-template-columns: auto minmax(0, 1fr) auto;
      grid-template-areas: 'artwork text controls' 'progress progress progress';
      row-gap: var(--am-space-1, 0.25rem);
    }
    .volume {
      display: none;
    }
  }
`;
