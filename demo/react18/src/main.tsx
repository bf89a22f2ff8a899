import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type ExampleConfig } from './App';

// The page's server tells where Apple (or the emulator) is; see scripts/serve-example.js.
const config: ExampleConfig = await fetch('/config.json').then((response) => response.json());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App config={config} />
  </StrictMode>,
);
