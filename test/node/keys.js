// @ts-check
// Keys for the developer-token tests (not a test file itself): a MusicKit-like P-256 key and
// the wrong keys people paste instead.
import { generateKeyPairSync } from 'node:crypto';

const pem = (/** @type {import('node:crypto').KeyObject} */ key, /** @type {any} */ type = 'pkcs8') =>
  /** @type {string} */ (key.export({ type, format: 'pem' }));

export const TEAM = 'ABCDE12345';
export const KID = 'KEY1234567';

const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
/** The key Apple would issue (PKCS#8 PEM) and its public half, for jose.jwtVerify. */
export const privateKey = pem(p256.privateKey);
export const publicKey = p256.publicKey;

/** A well-formed P-256 key whose public point was damaged: it passes the checks at creation, WebCrypto refuses it. */
export function unusableKey() {
  const der = /** @type {Buffer} */ (p256.privateKey.export({ type: 'pkcs8', format: 'der' }));
  const broken = Buffer.from(der).fill(0x11, der.length - 64);
  return `-----BEGIN PRIVATE KEY-----\n${broken.toString('base64')}\n-----END PRIVATE KEY-----\n`;
}

/** Each wrong key, with what the refusal must say. */
export function wrongKeys() {
  const body = privateKey.split('\n').slice(1, -2);
  return {
    'P-384 key': [pem(generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey), /curve secp384r1; Apple Music needs P-256/],
    'secp256k1 key': [pem(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey), /curve secp256k1/],
    'RSA key': [pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey), /an RSA key; Apple Music needs an EC P-256/],
    'Ed25519 key': [pem(generateKeyPairSync('ed25519').privateKey), /an Ed25519 key/],
    'SEC1 key': [pem(p256.privateKey, 'sec1'), /SEC1 .* not PKCS#8/],
    'encrypted key': [
      /** @type {string} */ (p256.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' })),
      /encrypted/,
    ],
    'public key': [/** @type {string} */ (publicKey.export({ type: 'spki', format: 'pem' })), /public key/],
    'truncated key': [`-----BEGIN PRIVATE KEY-----\n${body[0]}\n-----END PRIVATE KEY-----\n`, /damaged or truncated/],
    'key without its end line': [privateKey.split('-----END')[0], /damaged or truncated/],
    'base64 garbage': ['-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n', /damaged or truncated/],
    'not PEM at all': ['AuthKey_KEY1234567.p8', /not a PKCS#8 PEM private key/],
    'empty string': ['', /privateKey must be the text of your AuthKey/],
    'a number': [42, /privateKey must be the text/],
    undefined: [undefined, /privateKey must be the text/],
  };
}
