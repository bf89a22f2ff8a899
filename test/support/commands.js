// Test-runner commands the stock ones lack in some engines (node side; see
// web-test-runner.config.js). `sendKeys` cannot hold a modifier over WebDriver (WebKit) nor
// press "Shift+Tab" over WebDriver BiDi (Firefox); `press-keys` presses keys together in all three.

/** `executeServerCommand('press-keys', {keys: ['Shift', 'Tab']})`: all down in order, then all up. */
export function pressKeysPlugin() {
  return {
    name: 'am-press-keys',
    async executeCommand({ command, payload, session }) {
      if (command !== 'press-keys') return undefined;
      const keys = payload?.keys;
      if (!Array.isArray(keys) || !keys.length || !keys.every((key) => typeof key === 'string')) {
        throw new Error('press-keys needs {keys: string[]}');
      }
      if (session.browser.type === 'webdriver') {
        // WebdriverIO's keys() holds every key of the array down together, then releases them.
        await session.browser.sendKeys(session.id, keys);
        return true;
      }
      if (session.browser.type === 'puppeteer') {
        const { keyboard } = session.browser.getPage(session.id);
        for (const key of keys) await keyboard.down(key);
        for (const key of [...keys].reverse()) await keyboard.up(key);
        return true;
      }
      throw new Error(`press-keys: unsupported browser type ${session.browser.type}`);
    },
  };
}

/**
 * `executeServerCommand('focus-window')`: gives the test page's window the focus a user's window
 * has (`:focus` and `document.hasFocus()` need it). An earlier test file's popups can leave
 * Firefox's and WebKit's test window without it, and `window.focus()` from the page does not
 * bring it back there.
 */
export function focusWindowPlugin() {
  return {
    name: 'am-focus-window',
    async executeCommand({ command, session }) {
      if (command !== 'focus-window') return undefined;
      if (session.browser.type === 'webdriver') {
        // WebKit: switching to the test window alone does not give it focus back while popups
        // that earlier tests left open are still there (no test has a popup open when it asks
        // for focus, and each engine runs one file at a time): close them first.
        const driver = session.browser.driver;
        const testWindow = await driver.getWindowHandle();
        for (const handle of await driver.getWindowHandles()) {
          if (handle === testWindow) continue;
          try {
            await driver.switchToWindow(handle);
            await driver.closeWindow();
          } catch {
            // It closed itself meanwhile (Apple's popup does once it has answered).
          }
        }
        await driver.switchToWindow(testWindow);
        return true;
      }
      if (session.browser.type === 'puppeteer') {
        await session.browser.getPage(session.id).bringToFront();
        return true;
      }
      throw new Error(`focus-window: unsupported browser type ${session.browser.type}`);
    },
  };
}
