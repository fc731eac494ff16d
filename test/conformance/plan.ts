import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { launchBrowser } from '../helpers/browser.js';
import { formOf, UserAgent } from '../helpers/browserless.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';
import { FormPostTabs, inChromium, type Callback, type ChromiumStep } from './chromium.js';
import { standardIdTokenChecks, type IdToken } from './checks.js';

export { sleep };
export type { Callback };

/**
 * The mechanics of the OpenID conformance suite's OP test plans, against Portcullis: every
 * module gets a fresh tenant with one user and a static client (the suite's "static_client"
 * variant), discovers it, and runs its flows with a protocol user agent standing for the
 * tester's browser, handing over to Chromium where a real browser is the point (form_post,
 * and the pages the suite judges by a screenshot). The requests are the suite's: no PKCE
 * unless the module sends it, client_secret_basic unless it is the client_secret_post module.
 */

export type ResponseType = 'code' | 'id_token' | 'id_token token' | 'code id_token' | 'code token' | 'code id_token token';
export interface Variant {
  responseType: ResponseType;
  /** `response_mode=form_post` (the Form Post plans). */
  formPost?: boolean;
}
export type ClientAuth = 'client_secret_basic' | 'client_secret_post';

export const includes = (variant: Variant, part: 'code' | 'id_token' | 'token') => variant.responseType.split(' ').includes(part);

/** The suite's callback, and its post-logout redirect: the redirect URI with the part after the alias replaced. */
export const CLIENT_ORIGIN = 'https://rp.example.com';
export const REDIRECT = `${CLIENT_ORIGIN}/test/a/portcullis/callback`;
export const POST_LOGOUT_REDIRECT = `${CLIENT_ORIGIN}/test/a/portcullis/post_logout_redirect`;

/**
 * The user every module signs in as, with a value for every standard claim: the scope modules
 * expect all of a scope's claims (VerifyScopesReturnedInUserInfoClaims). preferred_username
 * and updated_at come from the account itself.
 */
const USER_CLAIMS = {
  name: 'Buffy Anne Summers',
  given_name: 'Buffy',
  family_name: 'Summers',
  middle_name: 'Anne',
  nickname: 'Buff',
  profile: 'https://example.com/buffy',
  picture: 'https://example.com/buffy.png',
  website: 'https://buffy.example.com',
  gender: 'female',
  birthdate: '1981-01-19',
  email: 'buffy@example.com',
  email_verified: true,
  phone_number: '+1 555 0100',
  phone_number_verified: true,
  address: { street_address: '1630 Revello Drive', locality: 'Sunnydale', region: 'CA', postal_code: '95037', country: 'US' },
  locale: 'en-US',
  zoneinfo: 'America/Los_Angeles',
};
const PASSWORD = 'correct horse battery staple';

export interface Plan {
  running: RunningApp;
  browser?: Browser;
  formPostTabs?: FormPostTabs;
  close(): Promise<void>;
}

/**
 * One application per plan file. Password hashing at the cheapest argon2id cost: the plans
 * sign in hundreds of times and judge the protocol, not the hash (cluster.ts does the same).
 */
export async function startPlan(options: { chromium?: boolean } = {}): Promise<Plan> {
  const [running, browser] = await Promise.all([
    startApp({ ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' }),
    options.chromium ? launchBrowser() : undefined,
  ]);
  return {
    running,
    browser,
    formPostTabs: browser ? new FormPostTabs(await browser.newContext(), CLIENT_ORIGIN) : undefined,
    async close() {
      await browser?.close();
      await running.close();
    },
  };
}

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  auth: ClientAuth;
}

export interface AuthRequest {
  url: URL;
  params: Record<string, string>;
  state?: string;
  nonce?: string;
  client: RegisteredClient;
}

/** What the authorization endpoint returned, checked as the suite does (onAuthorizationCallbackResponse). */
export interface AuthResponse {
  params: URLSearchParams;
  code?: string;
  accessToken?: string;
  idToken?: IdToken;
}

export interface TokenResponse {
  body: Record<string, any>;
  headers: Headers;
  accessToken: string;
  refreshToken?: string;
  idToken: IdToken;
}

export interface Flow {
  auth: AuthResponse;
  tokens?: TokenResponse;
  /** The ID token last received: the token endpoint's when there was a code. */
  idToken?: IdToken;
  /** The access token last received. */
  accessToken?: string;
}

export type UserInfoCall = 'get' | 'post-header' | 'post-body';

const randomValue = (length: number) => randomBytes(length).toString('base64url').slice(0, length);

/** One module's run: its own tenant, user and client, and the tester's browser. */
export class ModuleRun {
  readonly agent: UserAgent;
  readonly user = { sub: '', username: `buffy-${randomUUID()}`, password: PASSWORD };
  private constructor(
    readonly plan: Plan,
    readonly variant: Variant,
    readonly issuerId: string,
    readonly issuer: string,
  ) {
    this.agent = new UserAgent(plan.running.url);
  }

  client!: RegisteredClient;
  metadata!: oidc.ServerMetadata & Record<string, any>;
  keys!: ReturnType<typeof createLocalJWKSet>;

  static async start(plan: Plan, variant: Variant, options: { auth?: ClientAuth } = {}): Promise<ModuleRun> {
    const { issuerId, issuer } = await createTenant(plan.running.url, { display_name: 'Conformance' });
    const run = new ModuleRun(plan, variant, issuerId, issuer);
    const [user, client] = await Promise.all([
      adminApi(plan.running.url).post(`/v1/tenants/${issuerId}/users`, { username: run.user.username, password: PASSWORD, ...USER_CLAIMS }),
      run.registerClient(options.auth),
    ]);
    expect(user.status).toBe(201);
    run.user.sub = user.body.user_id;
    run.client = client;
    // GetDynamicServerConfiguration and CheckServerConfiguration, by openid-client's discovery.
    const config = await discover(issuer, client.clientId, oidc.ClientSecretBasic(client.clientSecret));
    run.metadata = config.serverMetadata() as ModuleRun['metadata'];
    // FetchServerKeys; CheckForKeyIdInServerJWKs.
    const jwks = (await (await fetch(run.metadata.jwks_uri!)).json()) as JSONWebKeySet;
    for (const key of jwks.keys) expect(key.kid).toEqual(expect.any(String));
    run.keys = createLocalJWKSet(jwks);
    return run;
  }

  /** A static client for this variant; the refresh token module registers a second one. */
  async registerClient(auth: ClientAuth = 'client_secret_basic'): Promise<RegisteredClient> {
    const code = includes(this.variant, 'code');
    const grantTypes = [...(code ? ['authorization_code', 'refresh_token'] : []), ...(this.variant.responseType === 'code' ? [] : ['implicit'])];
    const { clientId, clientSecret } = await createClient(this.plan.running.url, this.issuerId, {
      client_name: 'Conformance suite',
      redirect_uris: [REDIRECT],
      post_logout_redirect_uris: [POST_LOGOUT_REDIRECT],
      response_types: [this.variant.responseType],
      grant_types: grantTypes,
      token_endpoint_auth_method: auth,
    });
    return { clientId, clientSecret: clientSecret!, auth };
  }

  get origin(): string {
    return this.plan.running.url;
  }

  /**
   * CreateAuthorizationEndpointRequestFromClientInformation with a random state and nonce,
   * the variant's response type (and form_post), then the module's additions; a value of
   * `undefined` leaves a parameter out. `reordered` sends them in reverse alphabetical order
   * (BuildPlainRedirectToAuthorizationEndpointReorderedParams).
   */
  request(extra: Record<string, string | undefined> = {}, options: { client?: RegisteredClient; stateLength?: number; reordered?: boolean } = {}): AuthRequest {
    const client = options.client ?? this.client;
    const all: Record<string, string | undefined> = {
      client_id: client.clientId,
      redirect_uri: REDIRECT,
      scope: 'openid',
      state: randomValue(options.stateLength ?? 16),
      nonce: randomValue(16),
      response_type: this.variant.responseType,
      ...(this.variant.formPost ? { response_mode: 'form_post' } : {}),
      ...extra,
    };
    const params = Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const url = new URL(this.metadata.authorization_endpoint!);
    const entries = Object.entries(params);
    if (options.reordered) entries.sort(([a], [b]) => b.localeCompare(a));
    for (const [name, value] of entries) url.searchParams.append(name, value);
    return { url, params, state: params.state, nonce: params.nonce, client };
  }

  /**
   * The tester's browser from the authorization request to the client: signs in and consents
   * when asked (unless `signIn: false`, for flows that must not show a sign-in page). A
   * form_post answer is loaded by Chromium, which posts it to the client.
   */
  async authorize(request: AuthRequest | URL, options: { signIn?: boolean; method?: 'GET' | 'POST' } = {}): Promise<Callback> {
    const url = request instanceof URL ? request : request.url;
    let res =
      options.method === 'POST' ? await this.agent.post(`${url.origin}${url.pathname}`, Object.fromEntries(url.searchParams)) : await this.agent.get(url);
    for (let hops = 0; hops < 12; hops++) {
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, res.url || this.origin);
        if (next.origin !== new URL(this.origin).origin) return { method: 'GET', url: next };
        res = await this.agent.get(next);
        continue;
      }
      const html = await res.text();
      const form = res.headers.get('content-type')?.startsWith('text/html') ? formOf(html) : undefined;
      if (form && res.status === 200 && html.includes('name="password"')) {
        if (options.signIn === false) throw new Error(`a sign-in page was shown: ${res.url}`);
        res = await this.agent.post(form.action, { _csrf: form.csrf, username: this.user.username, password: this.user.password });
      } else if (form && res.status === 200 && html.includes('Allow access?')) {
        res = await this.agent.post(form.action, { _csrf: form.csrf });
      } else if (form?.action?.startsWith(CLIENT_ORIGIN)) {
        // The form_post page (with the response, or an error): Chromium must post it to the client.
        if (!this.variant.formPost) throw new Error(`a form_post page without response_mode=form_post: ${res.url}`);
        if (!this.plan.formPostTabs) throw new Error('this plan runs without Chromium');
        return this.plan.formPostTabs.post({ url: res.url, status: res.status, headers: res.headers, body: html });
      } else {
        throw new Error(`the flow stopped at ${res.status} ${res.url}: ${html.slice(0, 300)}`);
      }
    }
    throw new Error('too many steps');
  }

  /** A step in Chromium with this run's cookies (see ChromiumStep). */
  chromium<T>(step: (browser: ChromiumStep) => Promise<T>): Promise<T> {
    if (!this.plan.browser) throw new Error('this plan runs without Chromium');
    return inChromium(this.plan.browser, this.agent, CLIENT_ORIGIN, step);
  }

  /**
   * processCallback: where the response must be. form_post: a POST of a form, nothing in the
   * query (CheckCallbackHttpMethodIsPost, CheckCallbackContentTypeIsFormUrlEncoded,
   * RejectAuthCodeInUrlQuery, RejectErrorInUrlQuery); code: the query; otherwise the fragment,
   * with no code or error in the query.
   */
  responseParams(callback: Callback, mode: 'query' | 'fragment' = this.variant.responseType === 'code' ? 'query' : 'fragment'): URLSearchParams {
    const { searchParams } = callback.url;
    if (this.variant.formPost) {
      expect(callback.method, 'form_post callback method').toBe('POST');
      expect(callback.contentType, 'form_post callback content type').toMatch(/^application\/x-www-form-urlencoded\b/);
      expect(searchParams.has('code') || searchParams.has('error'), 'code or error in the query').toBe(false);
      return callback.body!;
    }
    expect(callback.method).toBe('GET');
    if (mode === 'query') return searchParams;
    expect(searchParams.has('code') || searchParams.has('error'), 'code or error in the query').toBe(false);
    return new URLSearchParams(callback.url.hash.slice(1));
  }

  /**
   * onAuthorizationCallbackResponse and handleSuccessfulAuthorizationEndpointResponse: `iss`
   * (if present) is the issuer, no error, the state back, each artefact of the response type,
   * and the ID token's standard checks.
   */
  async expectAuthorized(request: AuthRequest, callback: Callback): Promise<AuthResponse> {
    const params = this.responseParams(callback);
    expect(params.get('error'), `error: ${params.get('error_description')}`).toBeNull();
    if (params.has('iss')) expect(params.get('iss'), 'iss').toBe(this.issuer);
    expect(params.get('state') ?? undefined, 'state').toBe(request.state);
    const auth: AuthResponse = { params };
    if (includes(this.variant, 'code')) auth.code = expectString(params.get('code'), 'code');
    if (includes(this.variant, 'token')) auth.accessToken = expectString(params.get('access_token'), 'access_token');
    if (includes(this.variant, 'id_token')) auth.idToken = await this.idToken(expectString(params.get('id_token'), 'id_token'), request);
    return auth;
  }

  idToken(raw: string, request: AuthRequest): Promise<IdToken> {
    return standardIdTokenChecks(raw, { issuer: this.issuer, clientId: request.client.clientId, nonce: request.nonce, keys: this.keys });
  }

  /** A token endpoint request with the client's authentication method. */
  async tokenRequest(form: Record<string, string>, client = this.client): Promise<{ status: number; headers: Headers; body: Record<string, any> }> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    const body = new URLSearchParams(form);
    if (client.auth === 'client_secret_basic') {
      // RFC 6749 §2.3.1: both parts form-urlencoded before they are joined.
      const credentials = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    } else {
      body.set('client_id', client.clientId);
      body.set('client_secret', client.clientSecret);
    }
    const res = await fetch(this.metadata.token_endpoint!, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
  }

  /** requestAuthorizationCode: the code for tokens (no PKCE unless the module sent it), and the ID token's standard checks. */
  async redeem(request: AuthRequest, code: string, extra: Record<string, string> = {}): Promise<TokenResponse> {
    const res = await this.tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...extra }, request.client);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return this.tokenResponse(res, request);
  }

  /** The checks of a successful token endpoint response (CheckForAccessTokenValue, ValidateExpiresIn, the ID token). */
  async tokenResponse(res: { headers: Headers; body: Record<string, any> }, request: AuthRequest): Promise<TokenResponse> {
    expect(res.headers.get('content-type')).toMatch(/^application\/json\b/);
    const accessToken = expectString(res.body.access_token, 'access_token');
    expect(String(res.body.token_type).toLowerCase()).toBe('bearer');
    if (res.body.expires_in !== undefined) expect(res.body.expires_in).toBeGreaterThan(0);
    const idToken = await this.idToken(expectString(res.body.id_token, 'id_token'), request);
    return { body: res.body, headers: res.headers, accessToken, refreshToken: res.body.refresh_token, idToken };
  }

  /** CallUserInfoEndpoint, with the token in a GET header, a POST header or a POST body. */
  async userinfo(accessToken: string, how: UserInfoCall = 'get'): Promise<{ status: number; contentType: string | null; body: Record<string, any> }> {
    const endpoint = this.metadata.userinfo_endpoint!;
    const init: RequestInit =
      how === 'get'
        ? { headers: { authorization: `Bearer ${accessToken}` } }
        : how === 'post-header'
          ? { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } }
          : { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ access_token: accessToken }) };
    const res = await fetch(endpoint, init);
    const text = await res.text();
    return { status: res.status, contentType: res.headers.get('content-type'), body: res.ok && text ? JSON.parse(text) : {} };
  }

  /**
   * The rest of a successful flow (handleSuccessfulAuthorizationEndpointResponse): a code is
   * redeemed, with the same sub in both ID tokens (VerifyIdTokenSubConsistentHybridFlow), and
   * every access token works at the userinfo endpoint (requestProtectedResource).
   */
  async complete(request: AuthRequest, callback: Callback, redeemExtra: Record<string, string> = {}): Promise<Flow> {
    const auth = await this.expectAuthorized(request, callback);
    const flow: Flow = { auth, idToken: auth.idToken, accessToken: auth.accessToken };
    if (auth.accessToken) expect((await this.userinfo(auth.accessToken)).status).toBe(200);
    if (auth.code) {
      flow.tokens = await this.redeem(request, auth.code, redeemExtra);
      if (auth.idToken) expect(flow.tokens.idToken.claims.sub).toBe(auth.idToken.claims.sub);
      expect((await this.userinfo(flow.tokens.accessToken)).status).toBe(200);
      flow.idToken = flow.tokens.idToken;
      flow.accessToken = flow.tokens.accessToken;
    }
    return flow;
  }

  /** A whole successful flow: the suite's performAuthorizationFlow then processCallback. */
  async happyFlow(request = this.request(), options: { signIn?: boolean; method?: 'GET' | 'POST'; redeemExtra?: Record<string, string> } = {}): Promise<Flow> {
    return this.complete(request, await this.authorize(request, options), options.redeemExtra);
  }

  /**
   * The suite's second sign-in page (📷 in oidcc-prompt-login and oidcc-max-age-1): Chromium,
   * with the session of the first sign-in, is shown the sign-in page, and the user signs in.
   */
  signInAgainInChromium(request: AuthRequest): Promise<Callback> {
    return this.chromium(async (browser) => {
      await browser.goto(request.url);
      await browser.page.getByLabel('Password').waitFor();
      expect(await browser.page.title()).toMatch(/Sign in/);
      await browser.signIn(this.user);
      return browser.callback();
    });
  }

  /**
   * A page the suite judges by a screenshot (an error the client cannot be sent back with): in
   * Chromium, which must stay on the issuer; nothing reaches the client.
   */
  errorPage(url: URL): Promise<{ status: number; contentType: string; text: string }> {
    return this.chromium(async (browser) => {
      const response = await browser.goto(url);
      const text = await browser.page.locator('body').innerText();
      expect(browser.received, 'requests that reached the client').toEqual([]);
      expect(new URL(browser.page.url()).origin).toBe(new URL(this.origin).origin);
      return { status: response!.status(), contentType: response!.headers()['content-type'] ?? '', text };
    });
  }
}

export function expectString(value: unknown, name: string): string {
  expect(value, name).toEqual(expect.any(String));
  expect(value, name).not.toBe('');
  return value as string;
}
