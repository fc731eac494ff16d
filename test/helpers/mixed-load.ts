import { expect } from 'vitest';
import { adminApi } from './admin-api.js';
import { UserAgent } from './browserless.js';
import type { Cluster, Routed } from './cluster.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from './rp.js';

/**
 * The bounded mixed load the cluster tests run through a Cluster's two fronts (with `runLoad`),
 * and the issuer it runs against.
 */

export const REDIRECT = 'https://rp.example.com/cb';
export const LOGOUT_REDIRECT = 'https://rp.example.com/signed-out';
export const USER = { username: 'jane', password: 'correct horse battery staple' };

/** An issuer with a user, a browser client and a machine client, all made through the balancer. */
export async function provision(cluster: Cluster) {
  const { issuerId, issuer } = await createTenant(cluster.url, { signing_alg: 'ES256' });
  const user = await adminApi(cluster.url).post(`/v1/tenants/${issuerId}/users`, USER);
  expect(user.status).toBe(201);
  const browser = await createClient(cluster.url, issuerId, {
    redirect_uris: [REDIRECT],
    post_logout_redirect_uris: [LOGOUT_REDIRECT],
    grant_types: ['authorization_code', 'refresh_token'],
    scope: 'openid offline_access',
  });
  const machine = await createClient(cluster.url, issuerId, { grant_types: ['client_credentials'] });
  return {
    issuerId,
    issuer,
    machine,
    browserRp: await discover(issuer, browser.clientId, oidc.ClientSecretBasic(browser.clientSecret)),
    machineRp: await discover(issuer, machine.clientId, oidc.ClientSecretBasic(machine.clientSecret)),
  };
}
export type Fixture = Awaited<ReturnType<typeof provision>>;

/** A sign-in as a browser makes it (pages, form posts, redirects), then the code redeemed. */
export async function signIn(cluster: Cluster, fx: Fixture, params: Record<string, string> = {}, user = USER) {
  const agent = new UserAgent(cluster.url);
  const { url, checks } = await authorizationRequest(fx.browserRp, REDIRECT, params);
  const tokens = await oidc.authorizationCodeGrant(fx.browserRp, await agent.authorize(url, user), checks);
  return { agent, tokens };
}

export const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** A client_credentials request of the machine client to the process or front at `base`. */
export const tokenRequest = (base: string, fx: Fixture, secret = fx.machine.clientSecret!) =>
  fetch(`${base}/${fx.issuerId}/token`, {
    method: 'POST',
    headers: { authorization: basic(fx.machine.clientId, secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });

/** The JSON body of a 200; any other answer fails the operation. */
export async function expectOk<T>(res: Response, what: string): Promise<T> {
  if (res.status !== 200) throw new Error(`${what} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * The bounded mixed load, one operation after another: discovery, client_credentials,
 * introspection and a whole sign-in through the ingress (openid-client and a browserless user
 * agent, on PUBLIC_URL), and discovery, client_credentials and introspection over connections
 * through the Service that a client keeps alive (`service: false`: through the ingress too).
 */
export async function mixedOperation(cluster: Cluster, fx: Fixture, n: number, sent: { service: number }, options: { service?: boolean } = {}): Promise<void> {
  const viaService = options.service ?? true;
  const front = viaService ? cluster.serviceUrl : cluster.url;
  const through = viaService ? 'service' : 'ingress';
  switch (n % 6) {
    case 0: {
      const document = await expectOk<{ issuer: string }>(await fetch(`${fx.issuer}/.well-known/openid-configuration`), 'discovery');
      if (document.issuer !== fx.issuer) throw new Error('discovery names another issuer');
      return;
    }
    case 1:
      await oidc.clientCredentialsGrant(fx.machineRp);
      return;
    case 2: {
      const { access_token } = await oidc.clientCredentialsGrant(fx.machineRp);
      if (!(await oidc.tokenIntrospection(fx.machineRp, access_token)).active) throw new Error('a fresh token introspected inactive');
      return;
    }
    case 3:
      await signIn(cluster, fx);
      return;
    case 4: {
      if (viaService) sent.service++;
      const document = await expectOk<{ issuer: string }>(await fetch(`${front}/${fx.issuerId}/.well-known/openid-configuration`), `discovery (${through})`);
      if (document.issuer !== fx.issuer) throw new Error('discovery names another issuer');
      return;
    }
    default: {
      if (viaService) sent.service += 2;
      const { access_token } = await expectOk<{ access_token: string }>(await tokenRequest(front, fx), `token (${through})`);
      const introspection = await fetch(`${front}/${fx.issuerId}/introspect`, {
        method: 'POST',
        headers: { authorization: basic(fx.machine.clientId, fx.machine.clientSecret!), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: access_token }).toString(),
      });
      if (!(await expectOk<{ active: boolean }>(introspection, `introspection (${through})`)).active) throw new Error('a fresh token introspected inactive');
    }
  }
}

/** What went wrong between the balancer and the processes: a request without a good answer, a connection refused or cut. */
export const failedRouting = (routed: Routed[]) => routed.filter((r) => r.error || (r.via === 'http' && (r.status === undefined || r.status >= 500)));
