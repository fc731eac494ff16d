import { createHash } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify, type createLocalJWKSet, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { expect } from 'vitest';

/**
 * The conformance suite's conditions that the modules share, as assertions. Each names the
 * suite's condition it mirrors; where the suite only warns, the comment says so (the test
 * asserts anyway: Portcullis meets the warning-level rule too).
 */

export interface IdToken {
  raw: string;
  header: ProtectedHeaderParameters;
  claims: JWTPayload & Record<string, unknown>;
}

/** Five minutes: the suite's allowed clock skew (ValidateIdToken.timeSkewMillis). */
const SKEW_SECONDS = 300;

/**
 * PerformStandardIdTokenChecks: ValidateIdToken (iss, aud, exp, iat, auth_time, acr),
 * ValidateIdTokenNonce, ValidateIdTokenSignature, CheckForSubjectInIdToken.
 */
export async function standardIdTokenChecks(
  raw: string,
  expected: { issuer: string; clientId: string; nonce?: string; keys: ReturnType<typeof createLocalJWKSet> },
): Promise<IdToken> {
  const header = decodeProtectedHeader(raw);
  const { payload } = await jwtVerify(raw, expected.keys, {
    issuer: expected.issuer,
    audience: expected.clientId,
    clockTolerance: SKEW_SECONDS,
  });
  const claims = payload as IdToken['claims'];
  const now = Math.floor(Date.now() / 1000);
  expect(claims.sub, 'sub').toEqual(expect.any(String));
  expect(claims.exp, 'exp').toEqual(expect.any(Number));
  expect(claims.exp!, 'exp in seconds, not milliseconds').toBeLessThan(now + 50 * 365 * 86_400);
  expect(claims.iat, 'iat').toEqual(expect.any(Number));
  expect(Math.abs(claims.iat! - now), 'iat within the allowed skew').toBeLessThanOrEqual(SKEW_SECONDS);
  if (claims.auth_time !== undefined) {
    expect(claims.auth_time as number, 'auth_time not in the future').toBeLessThanOrEqual(now + SKEW_SECONDS);
    expect(claims.auth_time as number, 'auth_time within a year').toBeGreaterThan(now - 365 * 86_400);
  }
  if (claims.acr !== undefined) expect(claims.acr, 'acr is not empty').not.toBe('');
  // ValidateIdTokenNonce: the nonce sent, or none when none was sent.
  expect(claims.nonce, 'nonce').toBe(expected.nonce);
  return { raw, header, claims };
}

/** OIDC Core §3.3.2.11: the left half of the SHA-256 of the value, base64url (RS256, ES256, PS256). */
export const halfHash = (value: string) => createHash('sha256').update(value).digest().subarray(0, 16).toString('base64url');

/**
 * EnsureMinimumAuthorizationCodeLength (128 bits) and EnsureMinimumAuthorizationCodeEntropy
 * (Shannon entropy of the characters times the length, above 96 bits).
 */
export function expectCodeStrength(code: string): void {
  expect(Buffer.byteLength(code) * 8, 'code length in bits').toBeGreaterThanOrEqual(128);
  const counts = new Map<string, number>();
  for (const char of code) counts.set(char, (counts.get(char) ?? 0) + 1);
  const bitsPerChar = -[...counts.values()].reduce((sum, n) => sum + (n / code.length) * Math.log2(n / code.length), 0);
  expect(bitsPerChar * code.length, 'code entropy in bits').toBeGreaterThan(96);
}

/** Claims an ID token may carry unasked (EnsureIdTokenDoesNotContainNonRequestedClaims.idTokenValidClaims). */
const ID_TOKEN_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'acr', 'amr', 'azp', 'at_hash', 'c_hash', 'nbf', 'jti', 'sid', 's_hash'];

/** The standard claims of each scope (OIDC Core §5.4), as the suite maps them. */
export const SCOPE_CLAIMS: Record<string, string[]> = {
  profile: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
  ],
  email: ['email', 'email_verified'],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
};

/** EnsureIdTokenDoesNotContainNonRequestedClaims (the suite warns): only protocol claims and those of the scopes asked for. */
export function expectOnlyRequestedClaims(idToken: IdToken, scope: string): void {
  const allowed = new Set([...ID_TOKEN_CLAIMS, ...scope.split(' ').flatMap((s) => SCOPE_CLAIMS[s] ?? [])]);
  expect(Object.keys(idToken.claims).filter((claim) => !allowed.has(claim))).toEqual([]);
}

/** RFC 6749 §4.1.2.1: error_description is NQSCHAR (%x20-21 / %x23-5B / %x5D-7E): no quote, backslash, CR, LF or TAB. */
const NQSCHAR = /^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/;

/**
 * performGenericAuthorizationEndpointErrorResponseValidation: the state sent comes back, `iss`
 * (if present) is the issuer, there is an error and no code, nothing but the error
 * parameters (CheckForUnexpectedParametersInErrorResponseFromAuthorizationEndpoint, a
 * warning in the suite), and a well-formed error_description and error_uri.
 */
export function expectAuthorizationError(params: URLSearchParams, expected: { issuer: string; state?: string; errors: string[] }): void {
  const error = params.get('error');
  expect(expected.errors, `error ${error} (${params.get('error_description')})`).toContain(error);
  // CheckStateInAuthorizationResponse: a state sent only inside a request object may be missing from its rejection.
  const state = params.get('state') ?? undefined;
  if (!(state === undefined && ['invalid_request_object', 'invalid_request_uri'].includes(error!))) expect(state, 'state').toBe(expected.state);
  if (params.has('iss')) expect(params.get('iss'), 'iss').toBe(expected.issuer);
  expect(params.has('code'), 'no code in an error response').toBe(false);
  expect([...params.keys()].filter((key) => !['error', 'error_description', 'error_uri', 'state', 'session_state', 'iss'].includes(key))).toEqual([]);
  if (params.has('error_description')) expect(params.get('error_description')).toMatch(NQSCHAR);
  if (params.has('error_uri')) expect(() => new URL(params.get('error_uri')!)).not.toThrow();
}

/** ValidateUserInfoStandardClaims and EnsureUserInfoContainsSub: a JSON object with a sub and claims of their standard types. */
export function expectUserInfoValid(body: Record<string, unknown>): void {
  expect(body.sub).toEqual(expect.any(String));
  const strings = ['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'email', 'phone_number', 'locale', 'zoneinfo'];
  for (const claim of strings) if (claim in body) expect(body[claim], claim).toEqual(expect.any(String));
  for (const claim of ['email_verified', 'phone_number_verified']) if (claim in body) expect(body[claim], claim).toEqual(expect.any(Boolean));
  if ('address' in body) expect(body.address).toEqual(expect.any(Object));
  // EnsureUserInfoUpdatedAtValid: a number of seconds.
  if ('updated_at' in body) expect(body.updated_at).toEqual(expect.any(Number));
}
