// Type test (tsc -p tsconfig.types.json): React 19 JSX against the generated typings (am-elements/react/jsx).
import { useRef, useState } from 'react';
import type {} from 'am-elements/react/jsx';
import type { AmAuthProvider, AmAuthorizeDetail } from 'am-elements';

export function SignIn() {
  const [signedIn, setSignedIn] = useState(false);
  const provider = useRef<AmAuthProvider>(null);
  const onAuthorize = (event: CustomEvent<AmAuthorizeDetail>) => setSignedIn(!!event.detail.musicUserToken);
  return (
    <am-auth-provider
      ref={provider}
      developer-token-url="/developer-token"
      authorize-url="http://127.0.0.1:9000/woa"
      storage="session"
      popup-timeout={60_000}
      onam-status-change={(event) => console.log(event.detail.status, event.detail.previousStatus)}
    >
      <am-authorize-button onam-authorize={onAuthorize} onam-cancel={(event) => console.log(event.detail.reason)}>
        Sign in
      </am-authorize-button>
      <am-unauthorize-button class="out" onam-unauthorize={() => setSignedIn(false)} />
      {signedIn && <p>Signed in</p>}
      <am-library-list
        type="playlists"
        page-size={50}
        limit={200}
        onam-library-load={(event) => console.log(event.detail.items.length, event.detail.done)}
        onam-library-select={(event) => console.log(event.detail.item.id)}
      />
    </am-auth-provider>
  );
}

export const wrong = [
  // @ts-expect-error popup-timeout is a number
  <am-auth-provider popup-timeout="soon" />,
  // @ts-expect-error storage is 'local' | 'session' | 'memory'
  <am-auth-provider storage="cloud" />,
  // @ts-expect-error the am-authorize detail has no such field
  <am-authorize-button onam-authorize={(event) => event.detail.userToken} />,
  // @ts-expect-error am-cancel's reason is a string union, not a number
  <am-authorize-button onam-cancel={(event) => event.detail.reason.toFixed()} />,
  // @ts-expect-error type is one of the library types
  <am-library-list type="podcasts" />,
  // @ts-expect-error isAuthorized is read-only on the provider, so it is no prop
  <am-auth-provider isAuthorized={true} />,
];
