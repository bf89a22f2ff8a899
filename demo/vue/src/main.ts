import { createApp } from 'vue';
// Typed templates for the <am-…> tags (GlobalComponents, generated from custom-elements.json).
import type {} from 'am-elements/vue';
import App, { type ExampleConfig } from './App.vue';

// The page's server tells where Apple (or the emulator) is: `npm run dev` and `npm run serve`
// answer /config.json themselves (vite.config.ts); in production, your server does.
try {
  const config: ExampleConfig = await fetch('/config.json').then((response) => {
    if (!response.ok) throw new Error(`/config.json answered HTTP ${response.status}`);
    return response.json();
  });
  createApp(App, { config }).mount('#app');
} catch (error) {
  document.querySelector('#app')!.textContent =
    `This page needs /config.json (${String(error)}): run it with \`npm run dev\`, which starts the Apple Music emulator.`;
}
