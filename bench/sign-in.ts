/**
 * Password sign-ins over HTTP, shared by `npm run bench:logins`, `npm run bench:pod`,
 * `npm run bench:factors` and `npm run bench:federation`: a tenant with users and a code-flow
 * client, the whole code flow (authorize, sign-in page, password, consent, code exchange with
 * PKCE), and the rotating refresh grant.
 */
import { createHash } from 'node:crypto';
import { admin } from './harness.js';
import { UserAgent } from '../test/helpers/browserless.js';

const REDIRECT = 'https://rp.example.com/cb';
export const PASSWORD = 'bench password 123';
const VERIFIER = 'v'.repeat(43);
/** Users created at once: the admin API hashes each password (argon2id, on libuv's four threads). */
const CREATING_AT_ONCE = 4;

/** The username of the bench's `n`th user. */
export const username = (n: number) => `bench-${n}`;

/** What the token endpoint answers a code. */
export interface Tokens {
  refresh_token: string;
  id_token: string;
}

export interface SignIns {
  /** One whole sign-in of user `user` (0 to users − 1); returns the refresh token it ends with. */
  signIn: (user?: number) => Promise<string>;
  /** One refresh grant; returns the next refresh token. */
  refresh: (refreshToken: string) => Promise<string>;
  /** The authorization request every sign-in starts with (`extra`: more parameters, such as `acr_values`). */
  authorizationUrl: (extra?: Record<string, string>) => URL;
  /** Redeems the code the client got at `callback`. */
  redeem: (callback: URL) => Promise<Tokens>;
}

/** The claims of an ID token (the bench trusts its own server: the signature is not checked). */
export const claimsOf = (tokens: Tokens): Record<string, unknown> =>
  JSON.parse(Buffer.from(tokens.id_token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

/** Creates users 0 to `users` − 1 of tenant `issuerId` through the admin API: `username(n)`, PASSWORD, and what `more(n)` adds. */
export async function createUsers(base: string, issuerId: string, users: number, more: (n: number) => Record<string, unknown> = () => ({})): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CREATING_AT_ONCE, users) }, async () => {
      for (let n = next++; n < users; n = next++)
        await admin(base, 'POST', `/v1/tenants/${issuerId}/users`, { username: username(n), password: PASSWORD, ...more(n) });
    }),
  );
}

/**
 * Creates the tenant `issuerId` with `users` users and the client on the Portcullis at `base`.
 * A real workload is many people: a bench that signs one user in from many workers at once
 * measures that user's lockout budget, not sign-ins.
 */
export async function setUpSignIns(base: string, issuerId: string, users = 1): Promise<SignIns> {
  await admin(base, 'POST', '/v1/tenants', { issuer_id: issuerId });
  await createUsers(base, issuerId, users);
  const client = await admin(base, 'POST', `/v1/tenants/${issuerId}/clients`, {
    redirect_uris: [REDIRECT],
    grant_types: ['authorization_code', 'refresh_token'],
    scope: 'openid offline_access',
  });
  const basic = `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`;
  const token = async (body: Record<string, string>) => {
    const res = await fetch(`${base}/${issuerId}/token`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    });
    if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
    return (await res.json()) as Tokens;
  };
  const authorizationUrl = (extra: Record<string, string> = {}) => {
    const url = new URL(`${base}/${issuerId}/authorize`);
    url.search = new URLSearchParams({
      client_id: client.client_id,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'openid offline_access',
      prompt: 'consent',
      code_challenge: createHash('sha256').update(VERIFIER).digest('base64url'),
      code_challenge_method: 'S256',
      ...extra,
    }).toString();
    return url;
  };
  const redeem = (callback: URL) => {
    const code = callback.searchParams.get('code');
    if (!code) throw new Error(`no code at the client: ${callback.search}`);
    return token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER });
  };
  return {
    signIn: async (user = 0) => {
      const callback = await new UserAgent(base).authorize(authorizationUrl(), { username: username(user % users), password: PASSWORD });
      return (await redeem(callback)).refresh_token;
    },
    refresh: async (refreshToken) => (await token({ grant_type: 'refresh_token', refresh_token: refreshToken })).refresh_token,
    authorizationUrl,
    redeem,
  };
}
