const base64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A developer-token-shaped JWT (not signed: only Apple and the emulator read it); it lasts 30 days unless `exp` says otherwise. */
export function fakeDeveloperToken(claims: { iss?: string; exp?: number; origin?: string[] } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: claims.iss ?? 'TEAMID1234',
    iat: now,
    exp: claims.exp ?? now + 30 * 86_400,
    ...(claims.origin ? { origin: claims.origin } : {}),
  };
  return `${base64url({ alg: 'ES256', kid: 'KEYID12345' })}.${base64url(payload)}.c2lnbmF0dXJl`;
}
