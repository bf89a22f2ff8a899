// Type test (tsc -p tsconfig.types.json): the React wrappers of am-elements/react against React
// 19's types (demo/react18 checks them against React 18's): properties as typed props, events as
// onAm… props with their detail, refs to the element.
import { useRef } from 'react';
import { AmAuthProvider, AmAuthorizeButton, AmUnauthorizeButton, AmLibraryList } from 'am-elements/react';
import { AmPlayButton, AmPlayer } from 'am-elements/react/playback';
import type { AmAuthProvider as ProviderElement, AmLibrarySelectDetail, LibraryResource } from 'am-elements';

export function Library({ item }: { item: LibraryResource }) {
  const provider = useRef<ProviderElement>(null);
  const onSelect = (event: CustomEvent<AmLibrarySelectDetail>) => console.log(event.detail.item.id);
  return (
    <AmAuthProvider ref={provider} developerTokenUrl="/token" storage="session" popupTimeout={60_000} onAmStatusChange={(event) => console.log(event.detail.status)}>
      <AmAuthorizeButton persistent onAmAuthorize={(event) => console.log(event.detail.storefrontId)} onAmCancel={(event) => console.log(event.detail.reason)}>
        Sign in
      </AmAuthorizeButton>
      <AmUnauthorizeButton className="out" onAmUnauthorize={(event) => console.log(event.type)} />
      <AmLibraryList type="songs" pageSize={50} limit={200} renderItem={(song) => String(song.attributes?.name)} onAmLibrarySelect={onSelect} onAmLibraryLoad={(event) => event.detail.done} />
      <AmPlayButton item={item} />
      <AmPlayer persistent />
    </AmAuthProvider>
  );
}

export const wrong = [
  // @ts-expect-error type is one of the library types
  <AmLibraryList type="podcasts" />,
  // @ts-expect-error popupTimeout is a number
  <AmAuthProvider popupTimeout="soon" />,
  // @ts-expect-error the am-authorize detail has no userToken
  <AmAuthorizeButton onAmAuthorize={(event) => event.detail.userToken} />,
  // @ts-expect-error the unauthorize button fires no am-authorize
  <AmUnauthorizeButton onAmAuthorize={() => undefined} />,
  // @ts-expect-error am-cancel's reason is a string union, not a number
  <AmAuthorizeButton onAmCancel={(event) => event.detail.reason.toFixed()} />,
];
