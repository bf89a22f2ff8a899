import { useState } from 'react';
// Defines <am-auth-provider>, <am-authorize-button>, <am-unauthorize-button>, <am-library-list>.
import 'am-elements';
// JSX types for the tags (generated from custom-elements.json).
import type {} from 'am-elements/react/jsx';
import type { AmAuthorizeDetail, LibraryResource } from 'am-elements';

export interface ExampleConfig {
  authorizeUrl: string;
  apiUrl: string;
  logoutUrl: string;
  developerTokenUrl: string;
}

const titleOf = (item: LibraryResource) => String(item.attributes?.name ?? item.id);

export function App({ config }: { config: ExampleConfig }) {
  const [account, setAccount] = useState<AmAuthorizeDetail | null>(null);
  const [loaded, setLoaded] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // React 19 passes props on custom elements as properties when the element has one (`type`,
  // `limit`), else as attributes (`developer-token-url`), and `onam-authorize` adds an event
  // listener for `am-authorize`.
  return (
    <am-auth-provider
      developer-token-url={config.developerTokenUrl}
      authorize-url={config.authorizeUrl}
      api-url={config.apiUrl}
      logout-url={config.logoutUrl}
      storage="session"
    >
      <main>
        <h1>am-elements in React</h1>
        <p data-testid="status">{account ? `Signed in · storefront ${account.storefrontId}` : 'Signed out'}</p>
        {problem && <p role="alert">{problem}</p>}
        <am-authorize-button
          id="connect"
          onam-authorize={(event) => {
            setAccount(event.detail);
            setProblem(null);
          }}
          onam-error={(event) => setProblem(event.detail.message)}
          onam-cancel={(event) => setProblem(`Cancelled (${event.detail.reason})`)}
        />
        <am-unauthorize-button
          id="disconnect"
          onam-unauthorize={() => {
            setAccount(null);
            setLoaded(0);
          }}
        />
        <p data-testid="loaded">
          {loaded} albums loaded{selected ? ` · selected: ${selected}` : ''}
        </p>
        <am-library-list
          type="albums"
          page-size={25}
          limit={50}
          onam-library-load={(event) => setLoaded((count) => count + event.detail.items.length)}
          onam-library-select={(event) => setSelected(titleOf(event.detail.item))}
        />
      </main>
    </am-auth-provider>
  );
}
