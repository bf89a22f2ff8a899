// @ts-check
// Checks that a private key is what Apple issues for MusicKit, an unencrypted PKCS#8 EC key on
// P-256, and says precisely what is wrong otherwise. It reads the key's DER structure itself
// (no node:crypto), so the token server runs on any runtime with WebCrypto. Messages never
// contain key material.
import { DeveloperTokenOptionsError } from './errors.js';

/** Algorithm and curve object identifiers, by their dotted form. */
const KEY_TYPES = /** @type {Record<string, string>} */ ({
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10040.4.1': 'DSA',
  '1.2.840.10046.2.1': 'DH',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
});
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const CURVES = /** @type {Record<string, string>} */ ({
  '1.2.840.10045.3.1.7': 'prime256v1',
  '1.3.132.0.34': 'secp384r1',
  '1.3.132.0.35': 'secp521r1',
  '1.3.132.0.10': 'secp256k1',
});
const P256 = '1.2.840.10045.3.1.7';
/** The order of P-256: a private key is a number from 1 to this minus 1. */
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** @param {string} message */
const refuse = (message) => new DeveloperTokenOptionsError(message, 'invalid-key');
const damaged = () =>
  refuse('The private key could not be read (damaged or truncated PEM). Use the AuthKey_XXXXXXXXXX.p8 file from Apple as it is.');

/**
 * One DER element at `offset`: its tag and where its contents start and end.
 * @param {Uint8Array} bytes
 * @param {number} offset
 */
function readElement(bytes, offset) {
  if (offset + 2 > bytes.length) throw damaged();
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count < 1 || count > 3 || start + count > bytes.length) throw damaged();
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i];
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) throw damaged();
  return { tag, start, end };
}

/**
 * The elements directly inside a constructed element.
 * @param {Uint8Array} bytes
 * @param {{start: number, end: number}} parent
 */
function children(bytes, parent) {
  const found = [];
  for (let offset = parent.start; offset < parent.end;) {
    const element = readElement(bytes, offset);
    found.push(element);
    offset = element.end;
  }
  return found;
}

/** @param {Uint8Array} bytes @param {{tag: number, start: number, end: number}} element */
function objectIdentifier(bytes, element) {
  if (element.tag !== 0x06 || element.end <= element.start) throw damaged();
  const parts = [];
  let value = 0;
  for (let i = element.start; i < element.end; i++) {
    value = value * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

/**
 * Normalizes a key given as text (or bytes of text): literal `\n` sequences, as some
 * environment-variable editors store multi-line values, become line breaks.
 * @param {unknown} privateKey
 * @returns {string}
 */
function keyText(privateKey) {
  if (privateKey instanceof Uint8Array) privateKey = new TextDecoder().decode(privateKey);
  if (typeof privateKey !== 'string' || privateKey.trim() === '') {
    throw refuse('privateKey must be the text of your AuthKey_XXXXXXXXXX.p8 file (a string starting with "-----BEGIN PRIVATE KEY-----").');
  }
  return privateKey.replace(/\\r/g, '').replace(/\\n/g, '\n').trim();
}

/**
 * Checks `privateKey` (the `.p8` file's text) and returns it as a clean PEM string.
 * @param {unknown} privateKey
 * @returns {string}
 */
export function checkPrivateKey(privateKey) {
  const pem = keyText(privateKey);
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem)) {
    throw refuse('The key is encrypted; use the unencrypted AuthKey_XXXXXXXXXX.p8 file from Apple.');
  }
  if (/-----BEGIN EC PRIVATE KEY-----/.test(pem)) {
    throw refuse(
      'The key is in SEC1 ("EC PRIVATE KEY") format, not PKCS#8. Convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out AuthKey.p8',
    );
  }
  if (/-----BEGIN (?:RSA )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(pem)) {
    throw refuse('That is a public key or certificate; signing needs the private key, the AuthKey_XXXXXXXXXX.p8 file from Apple.');
  }
  const match = /-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\s]*?)-----END PRIVATE KEY-----/.exec(pem);
  if (!match) {
    if (/-----BEGIN PRIVATE KEY-----/.test(pem)) throw damaged();
    throw refuse('The key is not a PKCS#8 PEM private key (expected "-----BEGIN PRIVATE KEY-----", as in Apple\'s .p8 files).');
  }
  let bytes;
  try {
    bytes = Uint8Array.from(atob(match[1].replace(/\s+/g, '')), (char) => char.charCodeAt(0));
  } catch {
    throw damaged();
  }
  // PrivateKeyInfo ::= SEQUENCE { version, SEQUENCE { algorithm OID, parameters }, OCTET STRING privateKey, … }
  const info = readElement(bytes, 0);
  if (info.tag !== 0x30 || info.end !== bytes.length) throw damaged();
  const [version, algorithm, keyOctets] = children(bytes, info);
  if (version?.tag !== 0x02 || algorithm?.tag !== 0x30 || keyOctets?.tag !== 0x04) throw damaged();
  const [algorithmId, parameters] = children(bytes, algorithm);
  const type = objectIdentifier(bytes, algorithmId);
  if (type !== EC_PUBLIC_KEY) {
    throw refuse(
      `The key is ${KEY_TYPES[type] ? `an ${KEY_TYPES[type]}` : `not an EC (${type})`} key; Apple Music needs an EC P-256 (ES256) key.`,
    );
  }
  const curve = parameters?.tag === 0x06 ? objectIdentifier(bytes, parameters) : 'unnamed';
  if (curve !== P256) {
    throw refuse(`The key is on curve ${CURVES[curve] ?? curve}; Apple Music needs P-256 (prime256v1) for ES256.`);
  }
  // ECPrivateKey ::= SEQUENCE { version 1, OCTET STRING privateKey (32 bytes on P-256), … }
  const ecKey = readElement(bytes, keyOctets.start);
  const [, secret] = ecKey.tag === 0x30 && ecKey.end === keyOctets.end ? children(bytes, ecKey) : [];
  if (secret?.tag !== 0x04 || secret.end - secret.start !== 32) throw damaged();
  const scalar = bytes.subarray(secret.start, secret.end).reduce((value, byte) => value * 256n + BigInt(byte), 0n);
  if (scalar === 0n || scalar >= P256_ORDER) throw damaged();
  return `-----BEGIN PRIVATE KEY-----\n${match[1].replace(/\s+/g, '').replace(/.{1,64}/g, '$&\n')}-----END PRIVATE KEY-----\n`;
}
