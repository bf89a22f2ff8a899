import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type ExampleConfig } from './App';

// The page's server tells where Apple (or the emulator) is: `npm run dev` and `npm run serve`
// answer /config.json themselves (vite.config.ts); in production, your server does.
const root = document.getElementById('root')!;
try {
  const config: ExampleConfig = await fetch('/config.json').then((response) => {
    if (!response.ok) throw new Error(`/config.json answered HTTP ${response.status}`);
    return response.json();
  });
  createRoot(root).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
} catch (error) {
  root.textContent = `This page needs /config.json (${String(error)}): run it with \`npm run dev\`, which starts the Apple Music emulator.`;
}
