import { svg } from 'lit';

/** A plain eighth note; small enough to inline (Apple's logo is theirs to use, not ours). */
export const noteIcon = svg`<svg viewBox="0 0 24 24" focusable="false"><path d="M19 3v12.5a3.5 3.5 0 1 1-2-3.16V7.3l-8 1.6v8.6a3.5 3.5 0 1 1-2-3.16V5.4L19 3z"/></svg>`;
