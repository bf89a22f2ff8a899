import { css } from 'lit';

// Written compactly on purpose: Lit's css`` text is shipped as is, not minified.
export const libraryListStyles = css`
:host{display:block}
:host([hidden]){display:none}
.box{display:flex;flex-direction:column;height:100%}
[part=list]{flex:auto;min-height:0;overflow:auto;max-height:var(--am-list-max-height,28rem);overscroll-behavior:contain}
.sizer{box-sizing:border-box}
[part=item]{display:flex;align-items:center;gap:.75em;box-sizing:border-box;height:var(--am-row-height,56px);padding:0 .75em;overflow:hidden;contain:strict;cursor:pointer}
[part=item]:hover{background:var(--am-row-hover,#8882)}
:focus-visible{outline:2px solid var(--am-focus-ring,var(--am-accent,#d60017));outline-offset:-2px}
[part=artwork]{flex:none;width:var(--am-artwork-size,40px);height:var(--am-artwork-size,40px);border-radius:var(--am-artwork-radius,4px);background:#8883;object-fit:cover}
.text{display:grid;min-width:0}
.text>*{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
[part=subtitle]{font-size:.85em;opacity:.75}
[part=loading],[part=empty],[part=error],[part=signed-out]{padding:1em}
button{align-self:center;margin:.5em;padding:.4em 1em;border:1px solid;border-radius:var(--am-radius,999px);background:none;color:inherit;font:inherit;cursor:pointer}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
`;
