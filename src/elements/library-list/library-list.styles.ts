import { css } from 'lit';

// Finished on an unstyled page: the buttons' font stack, a spinner, an error panel, hover only
// where a pointer can hover, nothing wider than a 320 px phone. Without a color-scheme
// attribute the list is transparent and takes the page's colours and colour scheme; with one
// it paints its own surface (--_s, --_t) in that scheme.
export const libraryListStyles = css`
  :host {
    /* Holds the visually hidden live region and "Load more": they stay inside clipping parents. */
    position: relative;
    display: block;
    min-width: 0;
    background: var(--am-surface, var(--_s));
    color: var(--am-text, var(--_t));
    font-family: var(--am-font, system-ui, -apple-system, sans-serif);
  }
  :host([color-scheme]) {
    --_s: light-dark(#fff, #1c1c1e);
    --_t: light-dark(#1d1d1f, #f5f5f7);
  }
  .box {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-width: 0;
  }
  [part='list'] {
    flex: auto;
    min-height: 0;
    overflow: auto;
    max-height: var(--am-list-max-height, 28rem);
    overscroll-behavior: contain;
  }
  .sizer {
    box-sizing: border-box;
  }
  [part='item'] {
    display: flex;
    align-items: center;
    gap: var(--am-space-3, 0.75rem);
    box-sizing: border-box;
    height: var(--am-row-height, 56px);
    padding: 0 var(--am-space-3, 0.75rem);
    overflow: hidden;
    contain: strict;
    cursor: pointer;
  }
  @media (hover: hover) {
    [part='item']:hover {
      background: var(--am-row-hover, #8882);
    }
  }
  :focus-visible {
    outline: 2px solid var(--am-focus-ring, var(--am-accent, #d60017));
    outline-offset: -2px;
  }
  [part='artwork'],
  [part='header-artwork'] {
    flex: none;
    width: var(--am-artwork-size, 40px);
    height: var(--am-artwork-size, 40px);
    border-radius: var(--am-artwork-radius, 4px);
    background: #8883;
    object-fit: cover;
  }
  .text {
    display: grid;
    min-width: 0;
  }
  .text > *,
  [part='title'] {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .line {
    display: flex;
    align-items: center;
    gap: 0.4em;
    min-width: 0;
  }
  [part='upload'] {
    flex: none;
    padding: 0 0.4em;
    border: 1px solid;
    border-radius: 0.4em;
    font-size: 0.7em;
    line-height: 1.5;
    opacity: 0.8;
  }
  [part='subtitle'],
  [part='count'] {
    font-size: 0.85em;
    opacity: 0.75;
  }

  /* The state panels. */
  [part='loading'],
  [part='empty'],
  [part='error'],
  [part='signed-out'],
  [part='no-library'],
  [part='no-matches'] {
    padding: var(--am-space-4, 1rem);
    overflow-wrap: anywhere;
  }
  [part='loading'] {
    display: flex;
    align-items: center;
    gap: var(--am-space-2, 0.5rem);
  }
  [part='spinner'] {
    flex: none;
    width: 1em;
    height: 1em;
    box-sizing: border-box;
    border: 2px solid;
    border-right-color: transparent;
    border-radius: 50%;
    animation: am-spin 0.8s linear infinite;
  }
  @keyframes am-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @keyframes am-pulse {
    50% {
      opacity: 0.3;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='spinner'] {
      animation: am-pulse 2s ease-in-out infinite;
    }
  }
  [part='error'] {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: start;
    gap: var(--am-space-2, 0.5rem) var(--am-space-3, 0.75rem);
  }
  [part='error-icon'] {
    width: 1.5em;
    height: 1.5em;
    color: var(--am-accent, #d60017);
  }
  .message {
    margin: 0.1em 0 0;
  }
  [part='error'] [part='retry'] {
    grid-column: 2;
    justify-self: start;
    margin: 0;
  }

  /* Buttons: the shape and font of <am-authorize-button>; retry is filled like it. */
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--am-space-2, 0.5rem);
    align-self: center;
    max-width: 100%;
    min-height: 2.5rem;
    margin: var(--am-space-2, 0.5rem);
    padding: 0 var(--am-space-4, 1rem);
    border: 1px solid #8886;
    border-radius: var(--am-radius, 999px);
    background: none;
    color: inherit;
    font: 600 0.9375rem/1.2 var(--am-font, system-ui, -apple-system, sans-serif);
    cursor: pointer;
  }
  button:focus-visible {
    outline-offset: 2px;
  }
  [part='retry'] {
    border-color: transparent;
    background: var(--am-accent, #d60017);
    color: var(--am-on-accent, #fff);
  }
  @media (hover: hover) {
    button:hover {
      background-color: #8882;
    }
    [part='retry']:hover {
      background: var(--am-accent, #d60017);
      filter: brightness(1.06);
    }
  }
  button svg {
    width: 1.1em;
    height: 1.1em;
  }

  /* "Load more" only where it is needed: while a page loads, when scrolling cannot load more,
     and for a keyboard user who tabbed to it (arrowing down loads pages as scrolling does).
     Otherwise it stays in the tab order, visually hidden. */
  [part='load-more']:not(.shown, :focus) {
    position: absolute;
    bottom: 0;
    width: 1px;
    height: 1px;
    min-height: 0;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* An opened album or playlist. */
  [part='header'] {
    display: flex;
    align-items: center;
    gap: var(--am-space-3, 0.75rem);
    padding: var(--am-space-2, 0.5rem) var(--am-space-3, 0.75rem);
    border-bottom: 1px solid #8884;
  }
  [part='back'] {
    flex: none;
    margin: 0;
    padding: 0 0.75rem 0 0.5rem;
  }
  [part='header-artwork'] {
    width: 56px;
    height: 56px;
  }
  [part='heading'] {
    font-weight: 600;
  }
`;
