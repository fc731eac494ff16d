import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLAIMS, RESPONSE_TYPES, SIGN_IN_CLAIMS } from '../../src/oidc/provider-options.js';
import { adminApi, randomIssuerId } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { approveDevice, formOf, UserAgent } from '../helpers/browserless.js';
import { mediaTypeOf, openApiValidator } from '../helpers/openapi-schemas.js';
import { createClient, createTenant } from '../helpers/rp.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

/**
 * The public protocol as the committed OpenAPI document describes it (tag `oidc`), performed
 * for real: every operation is called, successfully and with the errors it documents, and each
 * request and answer is checked against the document (status, media type, body schema with
 * undocumented members refused, required headers; what reaches redirect_uri against the
 * operation's x-authorization-response). An operation without a case fails, as does a case
 * for an operation the document lacks, or a status the document gives that no call provoked.
 */
const doc = JSON.parse(await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'));
const validator = openApiValidator(doc);
const FORM = 'application/x-www-form-urlencoded';
/** What a browser asks for on navigation. */
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

interface Documented {
  operationId: string;
  method: string;
  path: string;
  op: any;
}
const documented = new Map<string, Documented>(
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => op.tags?.includes('oidc'))
      .map(([method, op]): [string, Documented] => [op.operationId, { operationId: op.operationId, method, path, op }]),
  ),
);

/** Statuses no call here can provoke: a bug's 500. */
const UNPROVOKED = new Set(['500']);

const REDIRECT = 'https://rp.example.com/cb';
const LOGOUT_REDIRECT = 'https://rp.example.com/signed-out';
const USER = { username: 'jane', password: 'correct horse battery staple' };
/** Registration requests per minute per client address and issuer: quick to spend at the limited issuer, above what the cases take. */
const REGISTRATION_BUDGET = 30;
const ALL_GRANTS = ['authorization_code', 'implicit', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code'];

type Strings = Record<string, string>;
interface CallInit {
  issuerId?: string;
  method?: string;
  query?: Strings;
  form?: Strings;
  /** A JSON body (client registration). */
  json?: unknown;
  /** The `{client_id}` of a client registration URL. */
  clientId?: string;
  headers?: Strings;
  /** Keeps cookies: a signed-in browser. */
  agent?: UserAgent;
  /** A request the document does not describe, sent on purpose to provoke an error. */
  malformed?: boolean;
}
interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
  location?: URL;
}

const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** What the document says a request may carry: known query parameters (required ones present), a form body matching its schema. */
function requestProblems({ operationId, op }: Documented, init: CallInit): string[] {
  const problems: string[] = [];
  const parameters = (op.parameters ?? []).filter((p: any) => p.in === 'query');
  for (const name of Object.keys(init.query ?? {})) {
    const parameter = parameters.find((p: any) => p.name === name);
    if (!parameter) problems.push(`${operationId}: query parameter ${name} is not documented`);
    else problems.push(...validator.schema(`${operationId} ?${name}`, parameter.schema, init.query![name]));
  }
  for (const p of parameters) if (p.required && init.query?.[p.name] === undefined) problems.push(`${operationId}: ${p.name} is required`);
  const bodySchema = op.requestBody?.content?.[FORM]?.schema;
  if (init.form && !bodySchema) problems.push(`${operationId} documents no form body`);
  if (init.form && bodySchema) problems.push(...validator.schema(`${operationId} body`, bodySchema, init.form));
  const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
  if (init.json !== undefined && !jsonSchema) problems.push(`${operationId} documents no JSON body`);
  if (init.json !== undefined && jsonSchema) problems.push(...validator.schema(`${operationId} body`, jsonSchema, init.json));
  if (!init.form && init.json === undefined && op.requestBody?.required) problems.push(`${operationId} requires a body`);
  return problems;
}

/** Headers the document marks required for the answer's status. */
function headerProblems({ operationId, op }: Documented, res: Response): string[] {
  const headers = op.responses[String(res.status)]?.headers ?? {};
  return Object.entries(headers as Record<string, any>)
    .filter(([name, header]) => header.required && !res.headers.has(name))
    .map(([name]) => `${operationId} ${res.status} lacks ${name}`);
}

/** The parameters the client receives at redirect_uri: from Location's query or fragment, or from the form_post page. */
function redirectParameters(answer: Answer): Strings {
  if (answer.location) {
    const { search, hash } = answer.location;
    return Object.fromEntries(new URLSearchParams(hash ? hash.slice(1) : search));
  }
  const unescape = (value: string) =>
    value
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  return Object.fromEntries(
    [...answer.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(([, name, value]) => [name, unescape(value)]),
  );
}

describe('the public protocol, against the OpenAPI document', () => {
  let running: RunningApp;
  let proxy: TcpProxy;
  let issuerId: string;
  let issuer: string;
  /** An issuer whose rate limits are spent, for the 429s. */
  let limitedIssuerId: string;
  let web: { clientId: string; clientSecret: string };
  let device: { clientId: string };
  /** A browser signed in at the issuer, having consented to the web client's scopes. */
  let browser: UserAgent;
  /** Statuses seen per operation. */
  const seen = new Map<string, Set<string>>();

  /** Calls a documented operation; fails unless the request and the answer match the document. */
  async function call(operationId: string, init: CallInit = {}): Promise<Answer> {
    const spec = documented.get(operationId);
    if (!spec) throw new Error(`${operationId} is not a public operation of the document`);
    if (!init.malformed) expect(requestProblems(spec, init)).toEqual([]);
    const method = init.method ?? spec.method.toUpperCase();
    const url = new URL(running.url + spec.path.replace('{issuer_id}', init.issuerId ?? issuerId).replace('{client_id}', init.clientId ?? 'no-such-client'));
    for (const [name, value] of Object.entries(init.query ?? {})) url.searchParams.set(name, value);
    const res = await (init.agent?.fetch ?? fetch)(url, {
      method,
      redirect: 'manual',
      headers: { ...init.headers, ...(init.form ? { 'content-type': FORM } : {}), ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.form ? new URLSearchParams(init.form).toString() : init.json !== undefined ? JSON.stringify(init.json) : undefined,
    });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    const body = /[/+]json$/.test(mediaTypeOf(contentType)) && text ? JSON.parse(text) : text || undefined;
    const problems = [...validator.response(operationId, res.status, body, contentType), ...headerProblems(spec, res)];
    expect(problems, `${method} ${url.pathname} answered ${res.status}: ${text.slice(0, 300)}`).toEqual([]);
    if (!seen.has(operationId)) seen.set(operationId, new Set());
    seen.get(operationId)!.add(String(res.status));
    const location = res.headers.get('location');
    return { status: res.status, headers: res.headers, text, body, location: location ? new URL(location, running.url) : undefined };
  }

  /** Checks what reached redirect_uri against the operation's x-authorization-response; returns it. */
  function authorizationResponse(operationId: string, answer: Answer): Strings {
    const parameters = redirectParameters(answer);
    expect(validator.schema(`${operationId} x-authorization-response`, documented.get(operationId)!.op['x-authorization-response'], parameters)).toEqual([]);
    return parameters;
  }

  /** A code request of the web client, with PKCE, state and nonce; `extra` adds, replaces or (undefined) removes parameters. */
  function codeRequest(extra: Record<string, string | undefined> = {}) {
    const { verifier, challenge } = pkce();
    const parameters: Record<string, string | undefined> = {
      client_id: web.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'openid profile email address phone',
      state: randomBytes(8).toString('hex'),
      nonce: randomBytes(8).toString('hex'),
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    };
    const query = Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined)) as Strings;
    return { query, verifier };
  }

  /** A code issued to the signed-in browser, at once (no page to show). */
  async function code(extra: Record<string, string | undefined> = {}) {
    const { query, verifier } = codeRequest(extra);
    const answer = await call('authorize', { query, agent: browser });
    expect(answer.status).toBe(303);
    const parameters = authorizationResponse('authorize', answer);
    expect(parameters.code, JSON.stringify(parameters)).toEqual(expect.any(String));
    return { code: parameters.code, verifier };
  }

  /** Redeems a code at the token endpoint. */
  async function redeem({ code: value, verifier }: { code: string; verifier: string }) {
    const form = { grant_type: 'authorization_code', code: value, redirect_uri: REDIRECT, code_verifier: verifier };
    const answer = await call('getToken', { form, headers: basic(web.clientId, web.clientSecret) });
    expect(answer.status, answer.text).toBe(200);
    return answer.body;
  }

  /**
   * Tokens with a refresh token, from a sign-in of their own (offline_access asks for consent,
   * given on the page): revoking them ends their grant, which the shared browser must keep.
   */
  async function offlineTokens() {
    const { query, verifier } = codeRequest({ scope: 'openid offline_access', prompt: 'consent' });
    const callback = await new UserAgent(running.url).authorize(new URL(`${issuer}/authorize?${new URLSearchParams(query).toString()}`), USER);
    return redeem({ code: callback.searchParams.get('code')!, verifier });
  }

  /** A new initial access token of the issuer, through the admin API. */
  async function initialAccessToken(): Promise<string> {
    const reply = await adminApi(running.url).post(`/v1/tenants/${issuerId}/initial-access-tokens`, {});
    expect(reply.status).toBe(201);
    return reply.body.initial_access_token;
  }

  /** A client that registered itself: its registration answer. */
  async function registeredClient() {
    const answer = await call('registerClient', { json: { redirect_uris: [REDIRECT] }, headers: bearer(await initialAccessToken()) });
    expect(answer.status).toBe(201);
    return answer.body as { client_id: string; client_secret: string; registration_access_token: string };
  }

  beforeAll(async () => {
    // A cuttable link to the run's database: the 503s are an outage.
    const database = new URL(inject('databaseUrl'));
    proxy = await TcpProxy.start({ host: database.hostname, port: Number(database.port || 5432) });
    database.hostname = '127.0.0.1';
    database.port = String(proxy.port);
    // Budgets (per issuer and client address) quick to spend at the limited issuer, and well above what the calls at the other one take.
    running = await startApp({
      DATABASE_URL: database.toString(),
      RATE_LIMIT_METADATA_PER_MINUTE: '60',
      RATE_LIMIT_PROTOCOL_PER_MINUTE: '400',
      RATE_LIMIT_REGISTRATION_PER_MINUTE: String(REGISTRATION_BUDGET),
    });
    ({ issuerId, issuer } = await createTenant(running.url, { grant_types: ALL_GRANTS, registration: 'initial_access_token' }));
    ({ issuerId: limitedIssuerId } = await createTenant(running.url));
    const user = await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, {
      ...USER,
      email: 'jane@example.com',
      email_verified: true,
      name: 'Jane Doe',
      given_name: 'Jane',
      family_name: 'Doe',
      phone_number: '+33 1 23 45 67 89',
      address: { locality: 'Paris', country: 'FR' },
    });
    expect(user.status).toBe(201);
    const webClient = await createClient(running.url, issuerId, {
      client_name: 'Acme Portal',
      redirect_uris: [REDIRECT],
      post_logout_redirect_uris: [LOGOUT_REDIRECT],
      grant_types: ['authorization_code', 'implicit', 'refresh_token', 'client_credentials'],
      response_types: RESPONSE_TYPES,
      scope: 'openid profile email address phone offline_access',
    });
    web = { clientId: webClient.clientId, clientSecret: webClient.clientSecret! };
    device = await createClient(running.url, issuerId, {
      client_name: 'Living-room TV',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
      response_types: [],
      token_endpoint_auth_method: 'none',
    });
    browser = new UserAgent(running.url);
    await browser.authorize(new URL(`${issuer}/authorize?${new URLSearchParams(codeRequest().query).toString()}`), USER);
  });
  afterAll(async () => {
    await running?.close();
    await proxy?.close();
  });

  /** Each documented operation, called as a client would, with the errors only it gives. */
  const cases: Record<string, () => Promise<void>> = {
    async getDiscovery() {
      const answer = await call('getDiscovery');
      expect(answer.body.issuer).toBe(issuer);
      const etag = answer.headers.get('etag')!;
      expect((await call('getDiscovery', { headers: { 'if-none-match': etag } })).status).toBe(304);
    },
    async openIdConfigurationInserted() {
      const answer = await call('openIdConfigurationInserted');
      expect(answer.body.issuer).toBe(issuer);
      expect((await call('openIdConfigurationInserted', { headers: { 'if-none-match': answer.headers.get('etag')! } })).status).toBe(304);
    },
    async authorizationServerMetadata() {
      const answer = await call('authorizationServerMetadata');
      expect(answer.body.issuer).toBe(issuer);
      expect((await call('authorizationServerMetadata', { headers: { 'if-none-match': answer.headers.get('etag')! } })).status).toBe(304);
    },
    async authorizationServerMetadataInserted() {
      const answer = await call('authorizationServerMetadataInserted');
      expect(answer.body.issuer).toBe(issuer);
      expect((await call('authorizationServerMetadataInserted', { headers: { 'if-none-match': answer.headers.get('etag')! } })).status).toBe(304);
    },
    async jwks() {
      const answer = await call('jwks');
      expect(answer.body.keys.length).toBeGreaterThan(0);
      expect((await call('jwks', { headers: { 'if-none-match': answer.headers.get('etag')! } })).status).toBe(304);
    },
    async getJwks() {
      const answer = await call('getJwks');
      expect(answer.body.keys.length).toBeGreaterThan(0);
      expect((await call('getJwks', { headers: { 'if-none-match': answer.headers.get('etag')! } })).status).toBe(304);
    },

    async authorize() {
      // A browser without a session goes to the sign-in page.
      const fresh = await call('authorize', { query: codeRequest().query, agent: new UserAgent(running.url) });
      expect(fresh.status).toBe(303);
      expect(fresh.location!.pathname).toMatch(new RegExp(`^/${issuerId}/interaction/`));
      // Signed in: each of the six response types comes back at once, with what it names.
      for (const responseType of RESPONSE_TYPES) {
        const answer = await call('authorize', { query: codeRequest({ response_type: responseType, scope: 'openid profile' }).query, agent: browser });
        expect(answer.status).toBe(303);
        expect(`${answer.location!.origin}${answer.location!.pathname}`).toBe(REDIRECT);
        const parameters = authorizationResponse('authorize', answer);
        const parts = responseType.split(' ');
        expect(
          Object.keys(parameters)
            .filter((name) => ['code', 'id_token', 'access_token'].includes(name))
            .sort(),
        ).toEqual(parts.map((part) => (part === 'token' ? 'access_token' : part)).sort());
      }
      const posted = await call('authorize', { query: codeRequest({ response_mode: 'form_post' }).query, agent: browser });
      expect(posted.status).toBe(200);
      expect(authorizationResponse('authorize', posted).code).toEqual(expect.any(String));
      // An error the client may learn of goes back to it; one it may not (an unknown client) is answered here.
      const plain = await call('authorize', { query: codeRequest({ code_challenge_method: 'plain' }).query, malformed: true });
      expect(plain.status).toBe(303);
      expect(authorizationResponse('authorize', plain).error).toBe('invalid_request');
      const unknown = await call('authorize', { query: { ...codeRequest().query, client_id: 'nobody' } });
      expect([unknown.status, unknown.body.error]).toEqual([400, 'invalid_client']);
      const page = await call('authorize', { query: { ...codeRequest().query, client_id: 'nobody' }, headers: { accept: HTML } });
      expect([page.status, mediaTypeOf(page.headers.get('content-type'))]).toEqual([400, 'text/html']);
    },
    async postAuthorize() {
      // A form the browser marks as from this site (its Lax cookies came along) is answered in place.
      const sameSite = { 'sec-fetch-site': 'same-origin' };
      const answer = await call('postAuthorize', { form: codeRequest().query, headers: sameSite, agent: browser });
      expect(answer.status).toBe(303);
      expect(authorizationResponse('postAuthorize', answer).code).toEqual(expect.any(String));
      const posted = await call('postAuthorize', { form: codeRequest({ response_mode: 'form_post' }).query, headers: sameSite, agent: browser });
      expect(posted.status).toBe(200);
      expect(authorizationResponse('postAuthorize', posted).code).toEqual(expect.any(String));
      // Any other goes on as the same request by GET, which carries the session cookie.
      for (const headers of [{ 'sec-fetch-site': 'cross-site' }, {}] as Strings[]) {
        const { query } = codeRequest();
        const redirected = await call('postAuthorize', { form: query, headers });
        expect(redirected.status).toBe(303);
        expect(`${redirected.location!.origin}${redirected.location!.pathname}`).toBe(`${issuer}/authorize`);
        expect(Object.fromEntries(redirected.location!.searchParams)).toEqual(query);
      }
      const nobody = { ...codeRequest().query, client_id: 'nobody' };
      const unknown = await call('postAuthorize', { form: nobody, headers: sameSite });
      expect([unknown.status, unknown.body.error]).toEqual([400, 'invalid_client']);
      const page = await call('postAuthorize', { form: nobody, headers: { ...sameSite, accept: HTML } });
      expect([page.status, mediaTypeOf(page.headers.get('content-type'))]).toEqual([400, 'text/html']);
    },
    async pushAuthorizationRequest() {
      const pushed = codeRequest().query;
      const answer = await call('pushAuthorizationRequest', { form: pushed, headers: basic(web.clientId, web.clientSecret) });
      expect(answer.status, answer.text).toBe(201);
      const redirected = await call('authorize', { query: { client_id: web.clientId, request_uri: answer.body.request_uri }, agent: browser });
      expect(authorizationResponse('authorize', redirected).code).toEqual(expect.any(String));
      const unregistered = await call('pushAuthorizationRequest', {
        form: { ...pushed, redirect_uri: 'https://evil.example.com/cb' },
        headers: basic(web.clientId, web.clientSecret),
      });
      expect(unregistered.status).toBe(400);
      expect((await call('pushAuthorizationRequest', { form: pushed, headers: basic(web.clientId, 'wrong') })).status).toBe(401);
    },

    async getToken() {
      const codeTokens = await redeem(await code());
      expect(codeTokens).toMatchObject({ token_type: 'Bearer', id_token: expect.any(String) });
      const { refresh_token } = await offlineTokens();
      const refreshed = await call('getToken', { form: { grant_type: 'refresh_token', refresh_token }, headers: basic(web.clientId, web.clientSecret) });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refresh_token).not.toBe(refresh_token);
      const machine = await call('getToken', { form: { grant_type: 'client_credentials' }, headers: basic(web.clientId, web.clientSecret) });
      expect(machine.status).toBe(200);

      const codes = await call('requestDeviceAuthorization', { form: { client_id: device.clientId, scope: 'openid' } });
      const poll = { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: codes.body.device_code, client_id: device.clientId };
      const pending = await call('getToken', { form: poll });
      expect([pending.status, pending.body.error]).toEqual([400, 'authorization_pending']);
      await approveDevice(new UserAgent(running.url), codes.body.verification_uri, codes.body.user_code, USER);
      const deviceTokens = await call('getToken', { form: poll });
      expect(deviceTokens.status).toBe(200);

      const wrongSecret = await call('getToken', { form: { grant_type: 'client_credentials' }, headers: basic(web.clientId, 'wrong') });
      expect([wrongSecret.status, wrongSecret.body.error]).toEqual([401, 'invalid_client']);
      expect(wrongSecret.headers.get('www-authenticate')).toMatch(/^Basic /);
      const badGrant = await call('getToken', { form: { grant_type: 'refresh_token', refresh_token: 'nope' }, headers: basic(web.clientId, web.clientSecret) });
      expect([badGrant.status, badGrant.body.error]).toEqual([400, 'invalid_grant']);
      const password = await call('getToken', { form: { grant_type: 'password' }, headers: basic(web.clientId, web.clientSecret), malformed: true });
      expect([password.status, password.body.error]).toEqual([400, 'unsupported_grant_type']);
    },
    async introspectToken() {
      const { access_token, refresh_token } = await offlineTokens();
      const auth = basic(web.clientId, web.clientSecret);
      const active = await call('introspectToken', { form: { token: access_token }, headers: auth });
      expect(active.body).toMatchObject({ active: true, client_id: web.clientId, token_type: 'Bearer', iss: issuer });
      const refresh = await call('introspectToken', { form: { token: refresh_token, token_type_hint: 'refresh_token' }, headers: auth });
      expect(refresh.body.active).toBe(true);
      expect((await call('introspectToken', { form: { token: 'x'.repeat(43) }, headers: auth })).body).toEqual({ active: false });
      expect((await call('introspectToken', { form: { token: access_token } })).status).toBe(400);
      expect((await call('introspectToken', { form: { token: access_token }, headers: basic(web.clientId, 'wrong') })).status).toBe(401);
    },
    async revokeToken() {
      const { refresh_token } = await offlineTokens();
      const auth = basic(web.clientId, web.clientSecret);
      expect((await call('revokeToken', { form: { token: refresh_token }, headers: auth })).status).toBe(200);
      expect((await call('introspectToken', { form: { token: refresh_token }, headers: auth })).body).toEqual({ active: false });
      expect((await call('revokeToken', { form: { token: refresh_token } })).status).toBe(400);
      expect((await call('revokeToken', { form: { token: refresh_token }, headers: basic(web.clientId, 'wrong') })).status).toBe(401);
    },
    async requestDeviceAuthorization() {
      const answer = await call('requestDeviceAuthorization', { form: { client_id: device.clientId, scope: 'openid' } });
      expect(answer.status).toBe(200);
      expect(answer.body.verification_uri).toBe(`${issuer}/device`);
      const notDevice = await call('requestDeviceAuthorization', { form: { scope: 'openid' }, headers: basic(web.clientId, web.clientSecret) });
      expect(notDevice.status).toBe(400);
      expect((await call('requestDeviceAuthorization', { form: { client_id: 'nobody', scope: 'openid' } })).status).toBe(401);
    },

    async getUserInfo() {
      const { access_token } = await redeem(await code());
      const claims = await call('getUserInfo', { headers: bearer(access_token) });
      expect(claims.status).toBe(200);
      expect(claims.body).toMatchObject({ name: 'Jane Doe', email: 'jane@example.com', address: { locality: 'Paris', country: 'FR' } });
      expect((await call('getUserInfo', { headers: bearer('nope') })).status).toBe(401);
      expect((await call('getUserInfo', { query: { access_token }, malformed: true })).status).toBe(400);
      // A plain OAuth 2.0 grant, without openid (and so without nonce).
      const { access_token: oauthOnly } = await redeem(await code({ scope: 'profile', nonce: undefined }));
      expect((await call('getUserInfo', { headers: bearer(oauthOnly) })).status).toBe(403);
    },
    async postUserInfo() {
      const { access_token } = await redeem(await code());
      expect((await call('postUserInfo', { headers: bearer(access_token) })).status).toBe(200);
      expect((await call('postUserInfo', { form: { access_token } })).body.sub).toEqual(expect.any(String));
      expect((await call('postUserInfo', { form: { access_token }, headers: bearer(access_token) })).status).toBe(400);
      expect((await call('postUserInfo', { form: { access_token: 'nope' } })).status).toBe(401);
      const { access_token: oauthOnly } = await redeem(await code({ scope: 'profile', nonce: undefined }));
      expect((await call('postUserInfo', { form: { access_token: oauthOnly } })).status).toBe(403);
    },

    async endSession() {
      const agent = new UserAgent(running.url);
      const { query, verifier } = codeRequest();
      const callback = await agent.authorize(new URL(`${issuer}/authorize?${new URLSearchParams(query).toString()}`), USER);
      const { id_token } = await redeem({ code: callback.searchParams.get('code')!, verifier });
      const page = await call('endSession', { query: { id_token_hint: id_token, post_logout_redirect_uri: LOGOUT_REDIRECT, state: 'bye' }, agent });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Sign out?');
      const action = /<form[^>]*action="([^"]+)"/.exec(page.text)![1];
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.text)![1];
      const done = (await agent.follow(await agent.post(action, { xsrf, logout: 'yes' }))) as URL;
      expect(`${done.origin}${done.pathname}?${done.searchParams.toString()}`).toBe(`${LOGOUT_REDIRECT}?state=bye`);
      expect((await call('endSession', { query: { id_token_hint: 'not-a-jwt' } })).status).toBe(400);
      const refused = await call('endSession', { query: { id_token_hint: 'not-a-jwt' }, headers: { accept: HTML } });
      expect([refused.status, mediaTypeOf(refused.headers.get('content-type'))]).toEqual([400, 'text/html']);
    },
    async registerClient() {
      const metadata = { client_name: 'Dynamic RP', redirect_uris: [REDIRECT] };
      const refused = await call('registerClient', { json: metadata });
      expect([refused.status, refused.body.error]).toEqual([401, 'invalid_token']);
      const token = await initialAccessToken();
      const created = await call('registerClient', { json: metadata, headers: bearer(token) });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ client_name: 'Dynamic RP', registration_client_uri: `${issuer}/register/${created.body.client_id}` });
      const fragment = await call('registerClient', { json: { redirect_uris: [`${REDIRECT}#fragment`] }, headers: bearer(token) });
      expect([fragment.status, fragment.body.error]).toEqual([400, 'invalid_redirect_uri']);
    },
    async getClientRegistration() {
      const client = await registeredClient();
      const read = await call('getClientRegistration', { clientId: client.client_id, headers: bearer(client.registration_access_token) });
      expect(read.body).toMatchObject({ client_id: client.client_id, client_secret: client.client_secret });
      expect((await call('getClientRegistration', { clientId: client.client_id, headers: bearer('not-a-token') })).status).toBe(401);
    },
    async updateClientRegistration() {
      const client = await registeredClient();
      const json = { client_id: client.client_id, client_name: 'Renamed RP', redirect_uris: [REDIRECT] };
      const updated = await call('updateClientRegistration', { clientId: client.client_id, json, headers: bearer(client.registration_access_token) });
      expect(updated.status).toBe(200);
      expect(updated.body.registration_access_token).not.toBe(client.registration_access_token);
      const token = bearer(updated.body.registration_access_token);
      const fragment = await call('updateClientRegistration', {
        clientId: client.client_id,
        json: { ...json, redirect_uris: [`${REDIRECT}#x`] },
        headers: token,
      });
      expect([fragment.status, fragment.body.error]).toEqual([400, 'invalid_redirect_uri']);
      expect((await call('updateClientRegistration', { clientId: client.client_id, json, headers: bearer(client.registration_access_token) })).status).toBe(
        401,
      );
    },
    async deleteClientRegistration() {
      const client = await registeredClient();
      expect((await call('deleteClientRegistration', { clientId: client.client_id, headers: bearer(client.registration_access_token) })).status).toBe(204);
      expect((await call('deleteClientRegistration', { clientId: client.client_id, headers: bearer(client.registration_access_token) })).status).toBe(401);
    },
    async postEndSession() {
      const sameSite = { 'sec-fetch-site': 'same-origin' };
      const { id_token } = await redeem(await code());
      const logout = { id_token_hint: id_token, post_logout_redirect_uri: LOGOUT_REDIRECT, state: 'bye' };
      const page = await call('postEndSession', { form: logout, headers: sameSite, agent: browser });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Sign out?');
      expect(formOf(page.text).action).toBe(`${issuer}/end-session/confirm`);
      const redirected = await call('postEndSession', { form: logout, headers: { 'sec-fetch-site': 'cross-site' } });
      expect(redirected.status).toBe(303);
      expect(redirected.location!.href).toBe(`${issuer}/end-session?${new URLSearchParams(logout).toString()}`);
      expect((await call('postEndSession', { form: { id_token_hint: 'not-a-jwt' }, headers: sameSite })).status).toBe(400);
      const refused = await call('postEndSession', { form: { id_token_hint: 'not-a-jwt' }, headers: { ...sameSite, accept: HTML } });
      expect([refused.status, mediaTypeOf(refused.headers.get('content-type'))]).toEqual([400, 'text/html']);
    },
  };

  it('has a case for every public operation of the document, and documents every case', () => {
    expect(Object.keys(cases).sort()).toEqual([...documented.keys()].sort());
  });

  it.each(Object.keys(cases))('%s', async (operationId) => {
    await cases[operationId]();
    expect(seen.get(operationId)?.size, `${operationId} was never called`).toBeGreaterThan(0);
  });

  it.each([...documented.keys()])('%s: 404 at an unknown issuer, 405 to another method', async (operationId) => {
    const { body } = await call(operationId, { issuerId: randomIssuerId('nobody'), malformed: true });
    expect(body.error).toBe('not_found');
    const wrongMethod = await call(operationId, { method: documented.get(operationId)!.path.includes('{client_id}') ? 'POST' : 'DELETE', malformed: true });
    expect([wrongMethod.status, wrongMethod.body.error]).toEqual([405, 'method_not_allowed']);
  });

  it('429 on every public operation once a client spent its budgets at an issuer', async () => {
    const spend = (path: string, count: number) =>
      Promise.all(Array.from({ length: count }, () => fetch(`${running.url}/${limitedIssuerId}${path}`).then((res) => res.arrayBuffer())));
    await spend('/jwks.json', 60);
    for (let sent = 0; sent < 400; sent += 50) await spend('/token', 50);
    await spend('/register', REGISTRATION_BUDGET);
    for (const operationId of documented.keys()) {
      const answer = await call(operationId, { issuerId: limitedIssuerId, malformed: true });
      expect([answer.status, answer.body.error]).toEqual([429, 'too_many_requests']);
    }
  });

  it('503 temporarily_unavailable on every public operation while the database is out of reach', async () => {
    proxy.cut();
    try {
      for (const operationId of documented.keys()) {
        // An issuer never seen: it must be looked up.
        const answer = await call(operationId, { issuerId: randomIssuerId('cold'), malformed: true });
        expect([answer.status, answer.body.error]).toEqual([503, 'temporarily_unavailable']);
      }
    } finally {
      proxy.restore();
    }
  });

  it('every status the document gives a public operation was answered by a call above (but a bug’s 500)', () => {
    const missing = [...documented.values()].flatMap(({ operationId, op }) =>
      Object.keys(op.responses)
        .filter((status) => !UNPROVOKED.has(status) && !seen.get(operationId)?.has(status))
        .map((status) => `${operationId} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  it('UserInfo documents every claim the issuer releases (the sign-in facts go in ID tokens only)', () => {
    const released = Object.values(CLAIMS)
      .flat()
      .filter((claim) => !(SIGN_IN_CLAIMS as readonly string[]).includes(claim));
    expect(Object.keys(doc.components.schemas.UserInfo.properties).sort()).toEqual([...new Set(released)].sort());
  });
});
