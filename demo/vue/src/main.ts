import { createApp } from 'vue';
// Typed templates for the <am-…> tags (GlobalComponents, generated from custom-elements.json).
import type {} from 'am-elements/vue';
import App, { type ExampleConfig } from './App.vue';

// The page's server tells where Apple (or the emulator) is; see scripts/serve-example.js.
const config: ExampleConfig = await fetch('/config.json').then((response) => response.json());

createApp(App, { config }).mount('#app');
