const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why `value` may not be used as one of the provider's endpoints (`authorize-url`, `api-url`,
 * `logout-url`), or undefined when it may. Tokens travel to these URLs, so they must be
 * `https:`; `http:` is allowed only on loopback hosts, for the emulator (README, "Security").
 */
export function endpointProblem(attribute: string, value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${attribute} must be an absolute https: URL.`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return `${attribute} must be an https: URL (http: only on localhost, 127.0.0.1 or [::1]); ${url.protocol}//${url.host} was refused.`;
}
