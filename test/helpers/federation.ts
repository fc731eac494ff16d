import { adminApi } from './admin-api.js';
import { formActionEndingWith, formOf, UserAgent } from './browserless.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from './rp.js';

/** The relying party of the downstream tenant: its callback never resolves (see stubRelyingParty). */
export const RP_REDIRECT = 'https://rp.example.com/cb';
/** A person with an account at the upstream tenant. */
export const ADA = { username: 'ada', password: 'correct horse battery staple', email: 'ada@acme.test', name: 'Ada Lovelace' };

export interface Federation {
  /** The upstream OpenID Provider: a tenant of `upstreamUrl`'s Portcullis. */
  upstream: { issuerId: string; issuer: string; clientId: string; clientSecret: string };
  /** The tenant whose users sign in upstream. */
  downstream: { issuerId: string; issuer: string };
  /** The connection as the admin API answered its creation. */
  connection: any;
  /** openid-client as the downstream tenant's relying party (public client, PKCE). */
  rp: oidc.Configuration;
}

/**
 * Two tenants, one the upstream identity provider of the other: a user and a confidential client
 * (redirect URI: the connection's callback) at the upstream, and at the downstream a connection to
 * it, made through the admin API, and a relying party. `upstreamUrl` is another Portcullis process
 * when given (the default is the same one).
 */
export async function federation(
  baseUrl: string,
  options: { upstreamUrl?: string; connection?: Record<string, unknown>; downstream?: Record<string, unknown>; user?: Record<string, unknown> } = {},
): Promise<Federation> {
  const upstreamUrl = options.upstreamUrl ?? baseUrl;
  const upstream = await createTenant(upstreamUrl, { display_name: 'Acme Identity' });
  const downstream = await createTenant(baseUrl, { display_name: 'Shop', ...options.downstream });
  const name = (options.connection?.name as string | undefined) ?? 'acme';
  const callback = `${baseUrl}/${downstream.issuerId}/federation/${name}/callback`;
  const client = await createClient(upstreamUrl, upstream.issuerId, {
    client_name: 'Shop',
    application_type: 'native',
    redirect_uris: [callback],
    token_endpoint_auth_method: 'client_secret_basic',
  });
  const user = await adminApi(upstreamUrl).post(`/v1/tenants/${upstream.issuerId}/users`, { ...ADA, email_verified: true, ...options.user });
  if (user.status !== 201) throw new Error(`upstream user: ${user.status} ${JSON.stringify(user.body)}`);
  const created = await adminApi(baseUrl).post(`/v1/tenants/${downstream.issuerId}/connections`, {
    name,
    display_name: 'Acme',
    issuer: upstream.issuer,
    client_id: client.clientId,
    client_secret: client.clientSecret,
    email_domains: ['acme.test'],
    ...options.connection,
  });
  if (created.status !== 201) throw new Error(`connection: ${created.status} ${JSON.stringify(created.body)}`);
  if (created.body.redirect_uri !== callback) throw new Error(`connection redirect_uri ${created.body.redirect_uri}, expected ${callback}`);
  const rpClient = await createClient(baseUrl, downstream.issuerId, {
    client_name: 'Shop web',
    redirect_uris: [RP_REDIRECT],
    token_endpoint_auth_method: 'none',
  });
  const rp = await discover(downstream.issuer, rpClient.clientId, oidc.None());
  return {
    upstream: { ...upstream, clientId: client.clientId, clientSecret: client.clientSecret! },
    downstream,
    connection: created.body,
    rp,
  };
}

/** An authorization request of the downstream relying party (scopes for the mapped claims), with the checks to redeem its code. */
export const downstreamRequest = (rp: oidc.Configuration, params: Record<string, string> = {}) =>
  authorizationRequest(rp, RP_REDIRECT, { scope: 'openid email profile', ...params });

/**
 * Browserless: at the upstream's sign-in page (`page`), signs in and consents there until the
 * browser is back at Portcullis's downstream side; returns where it stopped (a page or the RP's callback).
 */
export async function signInUpstream(agent: UserAgent, page: Response, user: { username: string; password: string } = ADA): Promise<Response | URL> {
  const html = await page.text();
  if (!html.includes('name="password"')) throw new Error(`expected the upstream sign-in page, got ${page.status}: ${html.slice(0, 300)}`);
  const form = formOf(html);
  let step = await agent.follow(await agent.post(form.action, { _csrf: form.csrf, username: user.username, password: user.password }));
  for (let pages = 0; pages < 3 && step instanceof Response; pages++) {
    const text = await step.clone().text();
    if (!text.includes('Allow access?')) return step;
    const consent = formOf(text);
    step = await agent.follow(await agent.post(consent.action, { _csrf: consent.csrf }));
  }
  return step;
}

/** Browserless: presses a connection's button on a downstream sign-in page. */
export async function pressConnection(agent: UserAgent, loginPageHtml: string, name = 'acme'): Promise<Response | URL> {
  const action = formActionEndingWith(loginPageHtml, '/federate');
  if (!action) throw new Error('no connection button on the page');
  return agent.follow(await agent.post(action, { _csrf: formOf(loginPageHtml).csrf, connection: name }));
}
