import { css } from 'lit';

// Written compactly on purpose: Lit's css`` text is shipped as is, not minified.
// Without a color-scheme attribute the list is transparent and takes the page's colours, font and
// colour scheme; with one it paints its own surface (--_s, --_t) in that scheme.
export const libraryListStyles = css`
:host{display:block;background:var(--am-surface,var(--_s));color:var(--am-text,var(--_t));font-family:var(--am-font)}
:host([color-scheme]){--_s:light-dark(#fff,#1c1c1e);--_t:light-dark(#1d1d1f,#f5f5f7)}
.box{display:flex;flex-direction:column;height:100%}
[part=list]{flex:auto;min-height:0;overflow:auto;max-height:var(--am-list-max-height,28rem);overscroll-behavior:contain}
.sizer{box-sizing:border-box}
[part=item]{display:flex;align-items:center;gap:var(--am-space-3,.75rem);box-sizing:border-box;height:var(--am-row-height,56px);padding:0 var(--am-space-3,.75rem);overflow:hidden;contain:strict;cursor:pointer}
[part=item]:hover{background:var(--am-row-hover,#8882)}
:focus-visible{outline:2px solid var(--am-focus-ring,var(--am-accent,#d60017));outline-offset:-2px}
[part=artwork]{flex:none;width:var(--am-artwork-size,40px);height:var(--am-artwork-size,40px);border-radius:var(--am-artwork-radius,4px);background:#8883;object-fit:cover}
.text{display:grid;min-width:0}
.text>*{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
[part=subtitle]{font-size:.85em;opacity:.75}
[part=loading],[part=empty],[part=error],[part=signed-out]{padding:var(--am-space-4,1rem)}
button{align-self:center;margin:var(--am-space-2,.5rem);padding:.4em var(--am-space-4,1rem);border:1px solid;border-radius:var(--am-radius,999px);background:none;color:inherit;font:inherit;cursor:pointer}
`;
