// @ts-check
// A throw-away WordPress for the plugin test: Debian's WordPress (/usr/share/wordpress,
// copied to a temp folder with our own wp-config.php), a private MariaDB on a Unix socket,
// and PHP's built-in server. Nothing is installed here: scripts/ensure-wordpress.sh does
// that, and missing pieces make the test fail with a message saying so.
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORDPRESS = '/usr/share/wordpress';

/** A program from PATH, or from the sbin/bin folders a non-root PATH often lacks. */
function findTool(/** @type {string} */ name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  return ['/usr/sbin', '/usr/bin', '/sbin'].map((dir) => join(dir, name)).find((path) => existsSync(path));
}

/** Throws one message listing everything the test needs but cannot find. */
export function checkPrerequisites() {
  const missing = [];
  const which = (/** @type {string} */ name) => Boolean(findTool(name));
  if (!which('php')) missing.push('php (php-cli)');
  else if (spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']).status !== 0)
    missing.push('the PHP mysqli extension (php-mysql)');
  if (!which('mariadbd') || !which('mariadb-install-db') || !which('mariadb')) missing.push('MariaDB (mariadb-server)');
  if (!existsSync(join(WORDPRESS, 'wp-settings.php'))) missing.push(`WordPress in ${WORDPRESS} (wordpress)`);
  if (missing.length) {
    throw new Error(
      `The WordPress plugin test needs ${missing.join(', ')}.\n` +
        'Install them with `bash scripts/ensure-wordpress.sh` (apt; root or sudo), then run `npm run test:wordpress` again.',
    );
  }
}

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return address.port;
}

/**
 * @param {() => boolean | Promise<boolean>} condition
 * @param {string} what
 * @param {number} [timeoutMs]
 */
async function waitFor(condition, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A child process that is killed when this process exits, whose output is kept.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 */
function startProcess(command, args, options = {}) {
  // Its own process group, so the whole group (php -S forks workers) can be stopped at once.
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  const signal = (/** @type {NodeJS.Signals} */ name) => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  const output = { text: '' };
  child.stdout?.on('data', (chunk) => (output.text += chunk));
  child.stderr?.on('data', (chunk) => (output.text += chunk));
  const killOnExit = () => signal('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) {
      signal('SIGKILL');
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    signal('SIGKILL'); // workers that outlived their parent
  };
  return { child, output, stop };
}

/**
 * @typedef {object} SiteOptions
 * @property {string} pluginDir the plugin folder to install (copied)
 * @property {string} themeDir a theme folder to install and activate (copied)
 * @property {Record<string, {title: string, content: string}>} pages pages to create, by slug
 */

/**
 * Starts MariaDB, installs WordPress with the theme and the (inactive) plugin, creates the
 * pages and serves the site on http://localhost:PORT.
 *
 * @param {SiteOptions} options
 */
export async function startWordPress({ pluginDir, themeDir, pages }) {
  const root = await mkdtemp(join(tmpdir(), 'am-elements-wp-'));
  const isRoot = process.getuid?.() === 0;
  const userArgs = isRoot ? ['--user=root'] : [];
  /** @type {Array<() => Promise<void>>} */
  const cleanups = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    await rm(root, { recursive: true, force: true });
  };

  try {
    // 1. MariaDB: a private data directory, a Unix socket and no TCP port.
    const dataDir = join(root, 'db');
    const socket = join(root, 'mysqld.sock');
    const install = spawnSync(
      /** @type {string} */ (findTool('mariadb-install-db')),
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        '--skip-name-resolve',
        ...userArgs,
      ],
      { encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`mariadb-install-db failed:\n${install.stdout}\n${install.stderr}`);
    const mariadb = startProcess(/** @type {string} */ (findTool('mariadbd')), [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--socket=${socket}`,
      `--pid-file=${join(root, 'mysqld.pid')}`,
      '--skip-networking',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=32M',
      '--innodb-flush-log-at-trx-commit=0',
      ...userArgs,
    ]);
    cleanups.push(mariadb.stop);
    await waitFor(() => {
      if (mariadb.child.exitCode !== null) throw new Error(`mariadbd exited:\n${mariadb.output.text}`);
      return (
        spawnSync(/** @type {string} */ (findTool('mariadb')), [
          '--no-defaults',
          '-uroot',
          `--socket=${socket}`,
          '-e',
          'CREATE DATABASE IF NOT EXISTS wordpress',
        ]).status === 0
      );
    }, 'MariaDB to accept connections');

    // 2. WordPress: Debian's files, our wp-config.php and wp-content.
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const docroot = join(root, 'wordpress');
    await cp(WORDPRESS, docroot, { recursive: true, verbatimSymlinks: true });
    await rm(join(docroot, 'wp-content'), { recursive: true, force: true });
    await mkdir(join(docroot, 'wp-content', 'plugins'), { recursive: true });
    await mkdir(join(docroot, 'wp-content', 'themes'), { recursive: true });
    await mkdir(join(docroot, 'wp-content', 'uploads'), { recursive: true });
    await cp(pluginDir, join(docroot, 'wp-content', 'plugins', 'am-elements'), { recursive: true });
    await cp(themeDir, join(docroot, 'wp-content', 'themes', 'am-elements-test'), { recursive: true });
    const debugLog = join(root, 'debug.log');
    const salt = () => randomBytes(24).toString('hex');
    const php = (/** @type {string | number} */ value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    await writeFile(
      join(docroot, 'wp-config.php'),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', ${php(`localhost:${socket}`)} );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map((key) => `define( '${key}', '${salt()}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', ${php(origin)} );
define( 'WP_SITEURL', ${php(origin)} );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', ${php(debugLog)} );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'DISABLE_WP_CRON', true );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
    );
    // Runs PHP code inside WordPress from the command line (outside the document root).
    const cliBootstrap = join(root, 'wp-eval.php');
    await writeFile(
      cliBootstrap,
      `<?php
$_SERVER['HTTP_HOST'] = ${php(`localhost:${port}`)};
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['SERVER_PORT'] = ${php(port)};
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
if ( getenv( 'AM_WP_INSTALLING' ) ) {
	define( 'WP_INSTALLING', true );
}
require ${php(join(docroot, 'wp-load.php'))};
eval( stream_get_contents( STDIN ) );
`,
    );
    /**
     * @param {string} code PHP statements (no opening tag)
     * @param {{installing?: boolean}} [options]
     */
    const wpEval = (code, { installing = false } = {}) => {
      const result = spawnSync('php', [cliBootstrap], {
        input: code,
        encoding: 'utf8',
        env: { ...process.env, ...(installing ? { AM_WP_INSTALLING: '1' } : {}) },
      });
      if (result.status !== 0) throw new Error(`php failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
      return result.stdout;
    };

    // 3. Install, activate the test theme, create the pages (the plugin stays inactive:
    //    the test activates it through the Plugins screen).
    const adminPassword = randomBytes(12).toString('hex');
    const installed = JSON.parse(
      wpEval(
        `require_once ABSPATH . 'wp-admin/includes/upgrade.php';
        $result = wp_install( 'am-elements test site', 'admin', 'admin@example.com', false, '', ${php(adminPassword)} );
        switch_theme( 'am-elements-test' );
        $pages = json_decode( ${php(JSON.stringify(pages))}, true );
        $ids = array();
        foreach ( $pages as $slug => $page ) {
          $ids[ $slug ] = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_name' => $slug, 'post_title' => $page['title'], 'post_content' => $page['content'] ), true );
          if ( is_wp_error( $ids[ $slug ] ) ) { fwrite( STDERR, $ids[ $slug ]->get_error_message() ); exit( 1 ); }
        }
        echo wp_json_encode( array( 'version' => get_bloginfo( 'version' ), 'theme' => get_stylesheet(), 'pages' => $ids ) );`,
        { installing: true },
      ),
    );

    // 4. Serve it. Several workers, so the browser's parallel requests do not queue.
    const server = startProcess('php', ['-S', `127.0.0.1:${port}`, '-t', docroot], {
      cwd: docroot,
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    });
    cleanups.push(server.stop);
    await waitFor(async () => {
      if (server.child.exitCode !== null) throw new Error(`php -S exited:\n${server.output.text}`);
      try {
        return (await fetch(`${origin}/wp-login.php`)).status === 200;
      } catch {
        return false;
      }
    }, 'the PHP server');

    return {
      origin,
      root,
      docroot,
      version: /** @type {string} */ (installed.version),
      theme: /** @type {string} */ (installed.theme),
      /** @type {Record<string, number>} */
      pageIds: installed.pages,
      admin: { user: 'admin', password: adminPassword },
      wpEval,
      /** The URL of a created page. */
      pageUrl: (/** @type {string} */ slug) => `${origin}/?page_id=${installed.pages[slug]}`,
      /** WordPress' debug.log (PHP notices, warnings, errors) so far. */
      debugLog: async () => (existsSync(debugLog) ? readFile(debugLog, 'utf8') : ''),
      /** What the PHP server and MariaDB printed so far. */
      serverLog: () => server.output.text + mariadb.output.text,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
