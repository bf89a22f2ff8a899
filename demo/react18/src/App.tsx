import { useState, version } from 'react';
// React 18 sets every prop of a custom element as a string attribute and cannot listen for its
// events: the wrappers (built with @lit/react) set properties and take onAm… event props, typed.
// Importing them defines the elements.
import { AmAuthProvider, AmAuthorizeButton, AmUnauthorizeButton, AmLibraryList } from 'am-elements/react';
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

  return (
    <AmAuthProvider
      developerTokenUrl={config.developerTokenUrl}
      authorizeUrl={config.authorizeUrl}
      apiUrl={config.apiUrl}
      logoutUrl={config.logoutUrl}
      storage="session"
    >
      <main data-react-version={version}>
        <h1>am-elements in React {version.split('.')[0]}</h1>
        <p data-testid="status">{account ? `Signed in · storefront ${account.storefrontId}` : 'Signed out'}</p>
        {problem && <p role="alert">{problem}</p>}
        <AmAuthorizeButton
          id="connect"
          onAmAuthorize={(event) => {
            setAccount(event.detail);
            setProblem(null);
          }}
          onAmError={(event) => setProblem(event.detail.message)}
          onAmCancel={(event) => setProblem(`Cancelled (${event.detail.reason})`)}
        />
        <AmUnauthorizeButton
          id="disconnect"
          onAmUnauthorize={() => {
            setAccount(null);
            setLoaded(0);
          }}
        />
        <p data-testid="loaded">
          {loaded} albums loaded{selected ? ` · selected: ${selected}` : ''}
        </p>
        <AmLibraryList
          type="albums"
          pageSize={25}
          limit={50}
          onAmLibraryLoad={(event) => setLoaded((count) => count + event.detail.items.length)}
          onAmLibrarySelect={(event) => setSelected(titleOf(event.detail.item))}
        />
      </main>
    </AmAuthProvider>
  );
}
