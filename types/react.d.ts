// React 19 JSX typings for the am-elements tags: `import type {} from 'am-elements/react';` once
// (or list "am-elements/react" in tsconfig "types"). The element types are generated from
// custom-elements.json into ./jsx.d.ts (custom-element-jsx-integration).
import type { CustomElements } from './jsx.js';

export type { CustomElements, ScopedElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
