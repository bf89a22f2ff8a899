import { css } from 'lit';

// Written compactly on purpose: Lit's css`` text is shipped as is, not minified.
export const buttonStyles = css`
:host{display:inline-block}
button{display:inline-flex;align-items:center;gap:var(--am-space-2,.5rem);min-height:2.5rem;padding:0 var(--am-space-4,1rem);border:1px solid var(--am-button-border-color,transparent);border-radius:var(--am-radius,999px);background:var(--am-button-background,var(--am-accent,#d60017));color:var(--am-button-color,var(--am-on-accent,#fff));font:var(--am-button-font,600 .9375rem/1.2 var(--am-font,system-ui,-apple-system,sans-serif));cursor:pointer}
@media (hover:hover){button:hover:not(:disabled){filter:brightness(1.06)}}
button:focus-visible{outline:2px solid var(--am-focus-ring,var(--am-accent,#d60017));outline-offset:2px}
button:disabled{cursor:not-allowed;opacity:.55}
[part=icon]{display:inline-flex;width:1.125em;height:1.125em}
svg{width:100%;height:100%;fill:currentColor}
[part=spinner]{width:1em;height:1em;border:2px solid;border-right-color:transparent;border-radius:50%;animation:am-spin .8s linear infinite}
@keyframes am-spin{to{transform:rotate(360deg)}}
@keyframes am-pulse{50%{opacity:.3}}
@media (prefers-reduced-motion:reduce){[part=spinner]{animation:am-pulse 2s ease-in-out infinite}}
`;

// The default visibility of the sign-in pair. `!important` so that page CSS giving the host a
// `display` (for layout) does not bring back a button that has nothing to do; `persistent` does.
export const hiddenWhenSignedIn = css`:host(:not([persistent]):is([status=authorized],[status=restricted])){display:none!important}`;
export const hiddenWhenSignedOut = css`:host(:not([persistent]):not([status=authorized],[status=restricted])){display:none!important}`;
