import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { App, EXAMPLE_CONFIG, type ExampleConfig } from './app';

// The page's server tells where Apple (or the emulator) is; see scripts/serve-example.js.
fetch('/config.json')
  .then((response) => response.json() as Promise<ExampleConfig>)
  .then((config) =>
    bootstrapApplication(App, {
      providers: [provideZonelessChangeDetection(), { provide: EXAMPLE_CONFIG, useValue: config }],
    }),
  )
  .catch((error) => console.error(error));
