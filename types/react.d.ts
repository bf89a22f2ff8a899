// React 19 JSX typings for the am-elements tags: `import type {} from 'am-elements/react/jsx';`
// once (or list "am-elements/react/jsx" in tsconfig "types"). React 18 and earlier: use the
// wrappers of `am-elements/react` instead. The element types are generated from
// custom-elements.json into ./jsx.d.ts (custom-element-jsx-integration).
import type { CustomElements } from './jsx.js';

export type { CustomElements, ScopedElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
