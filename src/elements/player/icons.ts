import { svg } from 'lit';

// Plain geometric shapes, drawn here.
export const playIcon = svg`<svg viewBox="0 0 24 24" focusable="false" aria-hidden="true"><path d="M8 5.5v13l10.5-6.5z"/></svg>`;
export const pauseIcon = svg`<svg viewBox="0 0 24 24" focusable="false" aria-hidden="true"><path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z"/></svg>`;
export const previousIcon = svg`<svg viewBox="0 0 24 24" focusable="false" aria-hidden="true"><path d="M6 5h2v14H6zM19 5.5v13L9.5 12z"/></svg>`;
export const nextIcon = svg`<svg viewBox="0 0 24 24" focusable="false" aria-hidden="true"><path d="M16 5h2v14h-2zM5 5.5v13l9.5-6.5z"/></svg>`;
export const volumeIcon = svg`<svg viewBox="0 0 24 24" focusable="false" aria-hidden="true"><path d="M4 9h4l5-4v14l-5-4H4zM16 8.5a5 5 0 0 1 0 7l-1.4-1.4a3 3 0 0 0 0-4.2z"/></svg>`;
