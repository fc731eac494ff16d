import * as oidc from 'openid-client';
import { adminApi, randomIssuerId } from './admin-api.js';
import { formOf, UserAgent } from './browserless.js';

/**
 * A relying party as customers run one: openid-client discovering the issuer over HTTP.
 * The test issuers are http on loopback, which openid-client allows only when told.
 */
export async function discover(issuer: string, clientId: string, auth?: oidc.ClientAuth, metadata?: Partial<oidc.ClientMetadata>) {
  return oidc.discovery(new URL(issuer), clientId, metadata, auth, { execute: [oidc.allowInsecureRequests] });
}

/** Creates a tenant through the admin API and returns its issuer URL. */
export async function createTenant(baseUrl: string, body: Record<string, unknown> = {}): Promise<{ issuerId: string; issuer: string }> {
  const issuerId = randomIssuerId();
  const reply = await adminApi(baseUrl).post('/v1/tenants', { issuer_id: issuerId, ...body });
  if (reply.status !== 201) throw new Error(`tenant creation answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return { issuerId, issuer: reply.body.issuer };
}

/** Registers a client through the admin API; returns its id and secret (if any). */
export async function createClient(
  baseUrl: string,
  issuerId: string,
  metadata: Record<string, unknown>,
): Promise<{ clientId: string; clientSecret?: string; body: any }> {
  const reply = await adminApi(baseUrl).post(`/v1/tenants/${issuerId}/clients`, metadata);
  if (reply.status !== 201) throw new Error(`client registration answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return { clientId: reply.body.client_id, clientSecret: reply.body.client_secret, body: reply.body };
}

export { oidc };

/**
 * The OAuth error code a failed openid-client call carries: from the JSON body, or from the
 * WWW-Authenticate challenge that comes with a 401 (openid-client reports that one first).
 */
export async function oauthErrorOf(call: Promise<unknown>): Promise<{ status?: number; error?: string }> {
  try {
    await call;
  } catch (failure) {
    const e = failure as { status?: number; error?: string; cause?: unknown };
    const challenge = Array.isArray(e.cause) ? (e.cause as Array<{ parameters?: { error?: string } }>)[0]?.parameters?.error : undefined;
    return { status: e.status, error: e.error ?? challenge };
  }
  throw new Error('expected the call to fail');
}

/** A fresh authorization request with PKCE (S256), state and nonce, and the checks to redeem its code with. */
export async function authorizationRequest(config: oidc.Configuration, redirectUri: string, params: Record<string, string> = {}) {
  const verifier = oidc.randomPKCECodeVerifier();
  const checks = { pkceCodeVerifier: verifier, expectedState: oidc.randomState(), expectedNonce: oidc.randomNonce() };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: checks.expectedState,
    nonce: checks.expectedNonce,
    ...params,
  });
  return { url, checks };
}

/**
 * A browser of its own at a fresh sign-in page: an authorization request (code flow with PKCE)
 * for `config`'s client to `redirectUri`, followed to the page, and the page's form.
 */
export async function openSignInPage(
  baseUrl: string,
  config: oidc.Configuration,
  redirectUri: string,
): Promise<{ agent: UserAgent; form: ReturnType<typeof formOf> }> {
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid',
    code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
  });
  const agent = new UserAgent(baseUrl);
  const form = formOf(await ((await agent.follow(await agent.get(url))) as Response).text());
  return { agent, form };
}
