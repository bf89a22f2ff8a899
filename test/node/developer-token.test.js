// @ts-check
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jwtVerify, decodeProtectedHeader } from 'jose';
import { createDeveloperToken, MAX_LIFETIME, parseDuration, UsageError } from '../../cli/developer-token.js';

const CLI = fileURLToPath(new URL('../../cli/am-elements.js', import.meta.url));
const TEAM = 'ABCDE12345';
const KID = 'KEY1234567';

/** @param {string[]} args */
function run(args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('developer-token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'am-elements-keys-'));
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const p256Pem = /** @type {string} */ (p256.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const keys = {
    p256: join(dir, `AuthKey_${KID}.p8`),
    p384: join(dir, 'p384.p8'),
    rsa: join(dir, 'rsa.p8'),
    sec1: join(dir, 'sec1.pem'),
    garbage: join(dir, 'garbage.p8'),
  };
  before(() => {
    writeFileSync(keys.p256, p256Pem);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    writeFileSync(keys.p384, /** @type {string} */ (p384.privateKey.export({ type: 'pkcs8', format: 'pem' })));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(keys.rsa, /** @type {string} */ (rsa.privateKey.export({ type: 'pkcs8', format: 'pem' })));
    writeFileSync(keys.sec1, /** @type {string} */ (p256.privateKey.export({ type: 'sec1', format: 'pem' })));
    writeFileSync(keys.garbage, '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const base = ['developer-token', '--team-id', TEAM, '--key-id', KID];

  test('the CLI prints an ES256 JWT that verifies with the public key', async () => {
    const result = run([...base, '--key', keys.p256, '--origin', 'https://example.com', '--origin', 'http://localhost:8000']);
    assert.equal(result.code, 0, result.stderr);
    const token = result.stdout.trim();
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const { payload, protectedHeader } = await jwtVerify(token, p256.publicKey, { algorithms: ['ES256'], issuer: TEAM });
    assert.deepEqual(protectedHeader, { alg: 'ES256', kid: KID });
    assert.equal(/** @type {number} */ (payload.exp) - /** @type {number} */ (payload.iat), 180 * 86_400);
    assert.ok(Math.abs(/** @type {number} */ (payload.iat) - Date.now() / 1000) < 60);
    assert.deepEqual(payload.origin, ['https://example.com', 'http://localhost:8000']);
    assert.ok(!result.stdout.includes('PRIVATE KEY') && !result.stderr.includes('PRIVATE KEY'));
  });

  test('createDeveloperToken is pure: fixed time, chosen lifetime, no origin claim by default', async () => {
    const now = Date.UTC(2026, 0, 1);
    const token = await createDeveloperToken({ teamId: TEAM, keyId: KID, privateKey: p256Pem, expiresIn: '12h', now });
    const { payload } = await jwtVerify(token, p256.publicKey, { currentDate: new Date(now) });
    assert.deepEqual(payload, { iss: TEAM, iat: now / 1000, exp: now / 1000 + 12 * 3600 });
    assert.equal(decodeProtectedHeader(token).kid, KID);
  });

  test("durations: 90d, 12h, 3600s, 3600; the maximum is a day under Apple's limit", async () => {
    assert.equal(parseDuration('90d'), 90 * 86_400);
    assert.equal(parseDuration('12h'), 43_200);
    assert.equal(parseDuration('3600s'), 3600);
    assert.equal(parseDuration('3600'), 3600);
    assert.equal(MAX_LIFETIME, 15_777_000 - 86_400);
    const ok = await createDeveloperToken({ teamId: TEAM, keyId: KID, privateKey: p256Pem, expiresIn: MAX_LIFETIME });
    assert.ok(ok);
    await assert.rejects(createDeveloperToken({ teamId: TEAM, keyId: KID, privateKey: p256Pem, expiresIn: MAX_LIFETIME + 1 }), UsageError);
  });

  /** Each refusal: exit code 2, a clear message on stderr, nothing on stdout. */
  const refusals = {
    'P-384 key': [[...base, '--key', keys.p384], /P-256/],
    'RSA key': [[...base, '--key', keys.rsa], /RSA key/],
    'SEC1 key': [[...base, '--key', keys.sec1], /PKCS#8/],
    'damaged key': [[...base, '--key', keys.garbage], /could not be read/],
    'missing key file': [[...base, '--key', join(dir, 'nope.p8')], /Key file not found/],
    'lowercase team id': [['developer-token', '--team-id', 'abcde12345', '--key-id', KID, '--key', keys.p256], /team id/],
    'short key id': [['developer-token', '--team-id', TEAM, '--key-id', 'KEY123', '--key', keys.p256], /key id/],
    "lifetime over Apple's limit": [[...base, '--key', keys.p256, '--expires-in', '15777000'], /too long/],
    'lifetime of 182 days': [[...base, '--key', keys.p256, '--expires-in', '182d'], /too long/],
    'bad duration': [[...base, '--key', keys.p256, '--expires-in', '6 months'], /Invalid duration/],
    'zero duration': [[...base, '--key', keys.p256, '--expires-in', '0d'], /longer than 0/],
    'origin without scheme': [[...base, '--key', keys.p256, '--origin', 'example.com'], /Invalid origin/],
    'origin with a path': [[...base, '--key', keys.p256, '--origin', 'https://example.com/app'], /Invalid origin/],
    'missing options': [['developer-token', '--team-id', TEAM], /Missing --key-id, --key/],
    'unknown option': [[...base, '--key', keys.p256, '--verbose'], /Unknown option/],
  };
  for (const [name, [args, message]] of Object.entries(refusals)) {
    test(`refuses: ${name}`, () => {
      const result = run(/** @type {string[]} */ (args));
      assert.equal(result.code, 2, `${name}: ${result.stderr}`);
      assert.match(result.stderr, /** @type {RegExp} */ (message));
      assert.equal(result.stdout, '');
      assert.ok(!result.stderr.includes(p256Pem.split('\n')[1]), 'never prints the key');
    });
  }

  test('--help documents both commands; unknown commands are usage errors', () => {
    const help = run(['developer-token', '--help']);
    assert.equal(help.code, 0);
    for (const option of ['--team-id', '--key-id', '--key', '--origin', '--expires-in']) assert.ok(help.stdout.includes(option), option);
    const emulatorHelp = run(['emulator', '--help']);
    assert.equal(emulatorHelp.code, 0);
    for (const option of ['--port', '--size', '--latency', '--seed']) assert.ok(emulatorHelp.stdout.includes(option), option);
    assert.equal(run(['--help']).code, 0);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run([]).code, 2);
  });
});
