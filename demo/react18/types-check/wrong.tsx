// Compiled by `npm run build` (tsc), never bundled: what React 18's types must reject when the
// wrappers are used wrongly, so the typing of props and events is checked, not only accepted.
import { AmAuthorizeButton, AmLibraryList, AmUnauthorizeButton } from 'am-elements/react';

export const wrong = [
  // @ts-expect-error type is one of the library types
  <AmLibraryList type="podcasts" />,
  // @ts-expect-error pageSize is a number
  <AmLibraryList pageSize="25" />,
  // @ts-expect-error the am-authorize detail has no userToken
  <AmAuthorizeButton onAmAuthorize={(event) => event.detail.userToken} />,
  // @ts-expect-error the unauthorize button fires no am-authorize
  <AmUnauthorizeButton onAmAuthorize={() => undefined} />,
];
