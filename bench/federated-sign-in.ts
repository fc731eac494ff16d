/**
 * Federated sign-ins over HTTP, for `npm run bench:federation`: an upstream tenant of the same
 * Portcullis as the OpenID Provider of the bench's tenant (a connection, as test/helpers/federation.ts
 * makes one), and the whole flow a person goes through with a browser of no session anywhere:
 * the tenant's sign-in page, the connection's button, the upstream's sign-in page and consent,
 * the callback, the tenant's consent, and the code redeemed by the bench's client.
 */
import { admin } from './harness.js';
import { page } from './factor-sign-ins.js';
import { claimsOf, createUsers, PASSWORD, username, type SignIns } from './sign-in.js';
import { formActionEndingWith, formOf, UserAgent } from '../test/helpers/browserless.js';

/** The connection's name: its button's value and its callback's path segment. */
const CONNECTION = 'upstream';

export interface Upstream {
  issuerId: string;
  /** Users 0 to `users` − 1 (username(n), PASSWORD) of the upstream. */
  users: number;
}

/**
 * Creates the tenant `upstreamId` with `users` users (emails verified) and a confidential client
 * whose redirect URI is the connection's callback, and the connection to it at the tenant
 * `downstreamId` (made before, by setUpSignIns). The server must allow loopback upstreams
 * (PROVIDER_DISCOVERY_ALLOW_PRIVATE=true).
 */
export async function setUpUpstream(base: string, downstreamId: string, upstreamId: string, users: number): Promise<Upstream> {
  const tenant = await admin(base, 'POST', '/v1/tenants', { issuer_id: upstreamId, display_name: 'Upstream Identity' });
  const callback = `${base}/${downstreamId}/federation/${CONNECTION}/callback`;
  const client = await admin(base, 'POST', `/v1/tenants/${upstreamId}/clients`, {
    client_name: 'Bench tenant',
    // A native client may redirect to http on loopback.
    application_type: 'native',
    redirect_uris: [callback],
    token_endpoint_auth_method: 'client_secret_basic',
  });
  await createUsers(base, upstreamId, users, (n) => ({ email: `${username(n)}@upstream.test`, email_verified: true, name: `Bench ${n}` }));
  const connection = await admin(base, 'POST', `/v1/tenants/${downstreamId}/connections`, {
    name: CONNECTION,
    display_name: 'Upstream',
    issuer: tenant.issuer,
    client_id: client.client_id,
    client_secret: client.client_secret,
  });
  if (connection.redirect_uri !== callback) throw new Error(`the connection's redirect_uri is ${connection.redirect_uri}, not ${callback}`);
  return { issuerId: upstreamId, users };
}

/**
 * A whole federated sign-in of upstream user `n` at `flows`' tenant, with its own browser: the
 * ID token's `sub` (the downstream account), after checking that its `amr` says `fed`.
 */
export async function signInFederated(flows: SignIns, base: string, upstream: Upstream, n: number): Promise<string> {
  const agent = new UserAgent(base);
  const html = await page(await agent.follow(await agent.get(flows.authorizationUrl())), 'sign-in');
  const action = formActionEndingWith(html, '/federate');
  if (!action) throw new Error('the sign-in page has no connection button');
  const upstreamPage = await agent.follow(await agent.post(action, { _csrf: formOf(html).csrf, connection: CONNECTION }));
  // The upstream's own page (same origin: follow() took the browser there), not the tenant's sign-in page again.
  if (!(upstreamPage instanceof Response) || !upstreamPage.url.includes(`/${upstream.issuerId}/interaction/`))
    throw new Error(
      `expected the upstream's sign-in page, got ${upstreamPage instanceof URL ? upstreamPage.href : `${upstreamPage.status} at ${upstreamPage.url}`}`,
    );
  // The upstream's password and consent, the callback, the tenant's consent: until the client's redirect URI.
  const tokens = await flows.redeem(await agent.authorize(upstreamPage, { username: username(n), password: PASSWORD }));
  const claims = claimsOf(tokens);
  if (!Array.isArray(claims.amr) || !claims.amr.includes('fed')) throw new Error(`the ID token's amr is ${JSON.stringify(claims.amr)}, without fed`);
  return String(claims.sub);
}
