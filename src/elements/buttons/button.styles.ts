import { css } from 'lit';

export const buttonStyles = css`
  :host {
    display: inline-block;
  }
  :host([hidden]) {
    display: none;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: var(--am-space-2, 0.5rem);
    min-height: 2.5rem;
    padding: 0 var(--am-space-4, 1rem);
    border: 1px solid var(--am-button-border-color, transparent);
    border-radius: var(--am-radius, 999px);
    background: var(--am-button-background, var(--am-accent, #d60017));
    color: var(--am-button-color, var(--am-on-accent, #fff));
    font: var(--am-button-font, 600 0.9375rem/1.2 var(--am-font, system-ui, -apple-system, sans-serif));
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    filter: brightness(1.06);
  }
  button:focus-visible {
    outline: 2px solid var(--am-focus-ring, var(--am-accent, #d60017));
    outline-offset: 2px;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  [part='icon'] {
    display: inline-flex;
    width: 1.125em;
    height: 1.125em;
  }
  [part='icon'] svg {
    width: 100%;
    height: 100%;
    fill: currentColor;
  }
  [part='spinner'] {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: am-spin 0.8s linear infinite;
  }
  @keyframes am-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='spinner'] {
      animation-duration: 2.4s;
    }
  }
`;
