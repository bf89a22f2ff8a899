import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium, CHROMIUM_FLAGS } from './scripts/chromium.js';
import { startEmulator } from './cli/emulator/index.js';
import { testRoutes } from './test/support/server-routes.js';

/**
 * The emulator runs on 127.0.0.1 while tests are served from localhost, so the authorize
 * popup really is a second origin. Tests get its origin with
 * `executeServerCommand('emulator-origin')`.
 */
function emulatorPlugin() {
  let emulator;
  return {
    name: 'am-emulator',
    async serverStart() {
      emulator = await startEmulator({ port: 0, size: 300, seed: 1, quiet: true });
    },
    async serverStop() {
      await emulator?.close();
    },
    executeCommand({ command }) {
      if (command === 'emulator-origin') return emulator.origin;
      return undefined;
    },
  };
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['production'] },
  hostname: 'localhost',
  concurrency: 1,
  middleware: [testRoutes],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), emulatorPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS },
    }),
  ],
};
