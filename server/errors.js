// @ts-check

/**
 * A refusal caused by the caller's options: a bad team id, key id, key, lifetime or origin.
 * The message says what is wrong and how to fix it; it never contains the key. The CLI
 * exits with code 2 on it.
 */
export class DeveloperTokenOptionsError extends Error {
  name = 'DeveloperTokenOptionsError';

  /**
   * @param {string} message
   * @param {'invalid-team-id' | 'invalid-key-id' | 'invalid-key' | 'invalid-lifetime' | 'invalid-origin' | 'invalid-option'} [code]
   */
  constructor(message, code = 'invalid-option') {
    super(message);
    this.code = code;
  }
}
