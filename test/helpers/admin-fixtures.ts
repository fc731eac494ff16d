import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { components } from '../../openapi/openapi.js';
import { inject } from 'vitest';
import { randomIssuerId } from './admin-api.js';
import { adminClient, type AdminClient } from './admin-client.js';
import { Authenticator } from './authenticator.js';
import { formActionEndingWith, formOf, UserAgent } from './browserless.js';
import { query } from './db.js';

export const REDIRECT = 'https://rp.example.com/cb';

/** A code-flow authorization request (PKCE S256) of `clientId` to REDIRECT, for a user agent to follow. */
export function authorizationUrl(baseUrl: string, issuerId: string, clientId: string, extra: Record<string, string> = {}): URL {
  const url = new URL(`${baseUrl}/${issuerId}/authorize`);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: REDIRECT,
    code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
    code_challenge_method: 'S256',
    state: 'state',
    ...extra,
  }).toString();
  return url;
}
export const PASSWORD = 'correct horse battery staple';

/** Every path parameter of the admin API; a call uses those its path names. */
export interface PathParams {
  issuer_id: string;
  client_id: string;
  user_id: string;
  kid: string;
  session_id: string;
  factor_id: string;
  connection_id: string;
  link_id: string;
  id: string;
}

/** Throws unless the call answered 2xx; returns its body. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw new Error(`${result.response.url} answered ${result.response.status}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

/**
 * Resources made through the generated client with the root key: a shared tenant for calls
 * that only read or add, and fresh resources for calls that change or delete what they touch.
 */
export class AdminFixtures {
  readonly root: AdminClient;
  issuerId = '';
  username = '';
  publicClientId = '';
  activeKid = '';

  constructor(readonly baseUrl: string) {
    this.root = adminClient(baseUrl);
  }

  async setUp(): Promise<void> {
    this.issuerId = await this.tenant();
    this.username = (await this.user()).username;
    this.publicClientId = await this.client({ token_endpoint_auth_method: 'none' });
    const keys = ok(await this.root.GET('/v1/tenants/{issuer_id}/keys', { params: { path: { issuer_id: this.issuerId } } }));
    this.activeKid = keys.items.find((key) => key.status === 'active')!.kid;
    await this.session();
  }

  /** Path parameters naming the shared tenant; calls fill in the ones they need. */
  path(): PathParams {
    return { issuer_id: this.issuerId, client_id: '', user_id: '', kid: '', session_id: '', factor_id: '', connection_id: '', link_id: '', id: '' };
  }

  async tenant(): Promise<string> {
    return ok(await this.root.POST('/v1/tenants', { body: { issuer_id: randomIssuerId('api') } })).issuer_id;
  }

  async user(): Promise<{ user_id: string; username: string }> {
    const body = { username: `u-${randomUUID()}`, password: PASSWORD };
    return ok(await this.root.POST('/v1/tenants/{issuer_id}/users', { params: { path: { issuer_id: this.issuerId } }, body }));
  }

  async client(metadata: components['schemas']['ClientMetadataDto'] = {}): Promise<string> {
    const body = { client_name: 'Acme Portal', redirect_uris: [REDIRECT], ...metadata };
    return ok(await this.root.POST('/v1/tenants/{issuer_id}/clients', { params: { path: { issuer_id: this.issuerId } }, body })).client_id;
  }

  /** A new initial access token of the shared tenant; returns its id. */
  async initialAccessToken(): Promise<string> {
    return ok(await this.root.POST('/v1/tenants/{issuer_id}/initial-access-tokens', { params: { path: { issuer_id: this.issuerId } }, body: {} })).id;
  }

  async adminKey(issuerId?: string): Promise<{ id: string; key: string }> {
    return ok(await this.root.POST('/v1/admin-keys', { body: { name: `key-${randomUUID()}`, issuer_id: issuerId } }));
  }

  /** A new connection of the shared tenant, whose upstream is the shared tenant itself; its email domains are `domains`. */
  async connection(domains: string[] = []): Promise<{ connection_id: string; name: string }> {
    const name = `c-${randomBytes(4).toString('hex')}`;
    const body = {
      name,
      display_name: 'Acme',
      issuer: `${this.baseUrl}/${this.issuerId}`,
      client_id: 'portcullis',
      client_secret: 'upstream-secret',
      email_domains: domains,
    };
    return ok(await this.root.POST('/v1/tenants/{issuer_id}/connections', { params: { path: { issuer_id: this.issuerId } }, body }));
  }

  /**
   * A new user linked to an upstream identity at a new connection. Only a federated sign-in
   * makes links: this one is written to user_links directly, as that sign-in would.
   */
  async link(): Promise<{ user_id: string; link_id: string }> {
    const [{ user_id }, { connection_id }] = [await this.user(), await this.connection()];
    const link_id = randomUUID();
    await query(inject('databaseUrl'), 'INSERT INTO user_links (tenant_id, link_id, user_id, connection_id, subject) VALUES ($1, $2, $3, $4, $5)', [
      this.issuerId,
      link_id,
      user_id,
      connection_id,
      `sub-${link_id}`,
    ]);
    return { user_id, link_id };
  }

  /** A tenant whose first rotation left a retired key, the only kind that can be removed. */
  async retiredKey(): Promise<{ issuer_id: string; kid: string }> {
    const issuer_id = await this.tenant();
    const keys = ok(await this.root.POST('/v1/tenants/{issuer_id}/keys/rotate', { params: { path: { issuer_id } } }));
    return { issuer_id, kid: keys.items.find((key) => key.status === 'retired')!.kid };
  }

  /** A new user signs in at the authorization endpoint; returns the session this made. */
  /**
   * A new user with an authenticator app (and recovery codes), enrolled as a person does: a
   * sign-in asking for two factors (`acr_values`) offers enrollment, and the app's first code confirms it.
   */
  async factor(): Promise<{ user_id: string; factor_id: string }> {
    const user = await this.user();
    const agent = new UserAgent(this.baseUrl);
    const login = formOf(
      await ((await agent.follow(await agent.get(await this.authorizationUrl({ acr_values: 'urn:portcullis:acr:mfa' })))) as Response).text(),
    );
    const enroll = await (
      (await agent.follow(await agent.post(login.action, { _csrf: login.csrf, username: user.username, password: PASSWORD }))) as Response
    ).text();
    const app = new Authenticator(/<span class="secret">([^<]+)<\/span>/.exec(enroll)![1]);
    await agent.post(formActionEndingWith(enroll, '/enroll/totp')!, { _csrf: formOf(enroll).csrf, code: app.code() });
    const factors = ok(
      await this.root.GET('/v1/tenants/{issuer_id}/users/{user_id}/factors', { params: { path: { issuer_id: this.issuerId, user_id: user.user_id } } }),
    );
    return { user_id: user.user_id, factor_id: factors.items.find((factor) => factor.kind === 'totp')!.factor_id };
  }

  private async authorizationUrl(extra: Record<string, string> = {}): Promise<URL> {
    return authorizationUrl(this.baseUrl, this.issuerId, await this.client(), extra);
  }

  async session(): Promise<string> {
    const user = await this.user();
    const url = await this.authorizationUrl();
    await new UserAgent(this.baseUrl).authorize(url, { username: user.username, password: PASSWORD });
    const query = { user_id: user.user_id };
    const sessions = ok(await this.root.GET('/v1/tenants/{issuer_id}/sessions', { params: { path: { issuer_id: this.issuerId }, query } }));
    return sessions.items[0].session_id;
  }
}
