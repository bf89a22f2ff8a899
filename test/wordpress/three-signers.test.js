// One developer token from each signer the project ships (am-elements/server, the CLI, the
// WordPress plugin's PHP signer), from one .p8 key, all verified by the same jose check: the
// three produce the same kind of token Apple accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { createDeveloperTokenHandler } from '../../server/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEAM = 'TEAMSIGNER';
const KID = 'SIGNERS001';
const ORIGIN = 'https://example.com';

/** The PHP signer outside WordPress: the three WordPress functions it calls, stubbed. */
const PHP = `
define( 'ABSPATH', '/' );
class WP_Error { public function __construct( $code = '', $message = '' ) { fwrite( STDERR, $message ); } }
function is_wp_error( $value ) { return $value instanceof WP_Error; }
function wp_json_encode( $value ) { return json_encode( $value, JSON_UNESCAPED_SLASHES ); }
require $argv[1] . 'wordpress/am-elements/includes/class-am-elements-signer.php';
echo AM_Elements_Signer::sign( file_get_contents( $argv[2] ), '${TEAM}', '${KID}', time(), 3600, array( '${ORIGIN}' ) );
`;

test('Node, CLI and PHP: one token each from one key, all verified by the same check', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'am-signers-'));
  try {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const keyFile = join(dir, `AuthKey_${KID}.p8`);
    writeFileSync(keyFile, pem);

    const handler = createDeveloperTokenHandler({ teamId: TEAM, keyId: KID, privateKey: pem, origins: [ORIGIN], expiresIn: '1h' });
    const node = (await (await handler(new Request(`${ORIGIN}/developer-token`))).json()).token;
    const cliArgs = [
      'cli/am-elements.js',
      'developer-token',
      '--team-id',
      TEAM,
      '--key-id',
      KID,
      '--key',
      keyFile,
      '--origin',
      ORIGIN,
      '--expires-in',
      '1h',
    ];
    const cli = execFileSync(process.execPath, cliArgs, { cwd: ROOT, encoding: 'utf8' }).trim();
    const php = execFileSync('php', ['-r', PHP, '--', ROOT, keyFile], { encoding: 'utf8' }).trim();

    const key = await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'ES256');
    for (const [signer, token] of Object.entries({ node, cli, php })) {
      const { payload } = await jwtVerify(token, key, { algorithms: ['ES256'], issuer: TEAM });
      assert.equal(decodeProtectedHeader(token).kid, KID, signer);
      assert.deepEqual(payload.origin, [ORIGIN], signer);
      assert.equal(payload.exp - payload.iat, 3600, signer);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
