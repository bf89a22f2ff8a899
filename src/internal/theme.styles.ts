import { css } from 'lit';

// Shared by every element (one constructed sheet): the `color-scheme` attribute and the
// visually hidden live regions. The design tokens themselves are read where they are used, each
// `var(--am-…, default)` with its documented default. Written compactly on purpose: Lit's css``
// text is shipped as is, not minified.
export const themeStyles = css`
:host([hidden]){display:none}
:host([color-scheme=light]){color-scheme:light}
:host([color-scheme=dark]){color-scheme:dark}
:host([color-scheme=auto]){color-scheme:light dark}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;
