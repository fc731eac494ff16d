import { randomBytes } from 'node:crypto';
import { UnsecuredJWT } from 'jose';
import { expect } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { oidc } from '../helpers/rp.js';
import {
  expectAuthorizationError,
  expectCodeStrength,
  expectOnlyRequestedClaims,
  expectUserInfoValid,
  halfHash,
  SCOPE_CLAIMS,
  type IdToken,
} from './checks.js';
import { CLIENT_ORIGIN, expectString, ModuleRun, REDIRECT, sleep, type AuthRequest, type Flow, type Plan, type UserInfoCall, type Variant } from './plan.js';

/**
 * The modules of the Basic, Implicit and Hybrid OP plans (and of the Form Post plans, which
 * are the same modules with response_mode=form_post), one function each, named as the suite
 * names them and written from its Java source: the requests it sends and what it asserts.
 * Where the suite only warns, a comment says so; the test asserts all the same.
 */
export type ConformanceModule = (plan: Plan, variant: Variant) => Promise<void>;

/**
 * oidcc-codereuse-30seconds waits 30 s before reusing the code, to catch servers that forget a
 * used code early. Portcullis keeps a used code in PostgreSQL (oidc_payloads.consumed_at) until
 * the code expires (60 s, TTL.AuthorizationCode), with no cache in between and a sweeper that
 * deletes only expired rows: a reuse after 2 s meets the same stored state as one after 30 s,
 * and the module's rule (refused, and the first use's access token revoked) is the same.
 */
export const CODE_REUSE_DELAY_MS = 2_000;

const idTokens = (flow: Flow) => [flow.auth.idToken, flow.tokens?.idToken].filter((token): token is IdToken => token !== undefined);

/** at_hash and c_hash (OIDC Core §3.3.2.11): `required`, or checked only when present. */
function expectHashes(idToken: IdToken, artefacts: { accessToken?: string; code?: string }, required: boolean): void {
  const { at_hash, c_hash } = idToken.claims;
  if (artefacts.accessToken && (required || at_hash !== undefined)) expect(at_hash, 'at_hash').toBe(halfHash(artefacts.accessToken));
  if (artefacts.code && (required || c_hash !== undefined)) expect(c_hash, 'c_hash').toBe(halfHash(artefacts.code));
}

/** The userinfo response validated (AbstractOIDCCUserInfoTest.validateExtractedUserInfoResponse), with the sub of every ID token. */
async function expectUserInfo(run: ModuleRun, flow: Flow, how: UserInfoCall = 'get'): Promise<Record<string, any>> {
  const res = await run.userinfo(flow.accessToken!, how);
  expect(res.status).toBe(200);
  // EnsureContentTypeJson.
  expect(res.contentType).toMatch(/^application\/json\b/);
  expectUserInfoValid(res.body);
  for (const idToken of idTokens(flow)) expect(res.body.sub).toBe(idToken.claims.sub);
  return res.body;
}

/**
 * AbstractOIDCCReturnedClaimsServerTest: the claims of the scopes asked for, from the userinfo
 * endpoint when there is an access token, else in the ID token (response_type=id_token).
 * VerifyScopesReturnedInUserInfoClaims and VerifyScopesReturnedInAuthorizationEndpointIdToken
 * are warnings in the suite.
 */
async function expectScopeClaims(run: ModuleRun, flow: Flow, scope: string): Promise<Record<string, any>> {
  const expected = scope.split(' ').flatMap((s) => SCOPE_CLAIMS[s] ?? []);
  const claims = flow.accessToken ? await expectUserInfo(run, flow) : flow.auth.idToken!.claims;
  expect(Object.keys(claims)).toEqual(expect.arrayContaining(expected));
  return claims;
}

/** The token endpoint's refusal of a code or refresh token: 400, JSON, invalid_grant, a well-formed description. */
function expectInvalidGrant(res: { status: number; headers: Headers; body: Record<string, any> }): void {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/json\b/);
  expect(res.body.error).toBe('invalid_grant');
  if (res.body.error_description !== undefined) expect(res.body.error_description).toMatch(/^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/);
}

/** A happy flow with parameters added; it must succeed. */
const succeedsWith =
  (params: (run: ModuleRun) => Record<string, string>): ConformanceModule =>
  async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    await run.happyFlow(run.request(params(run)));
  };

/**
 * AbstractOIDCCSameAuthTwiceServerTest: a first flow, then a second one that must not ask the
 * user anything; sub and auth_time (when both tokens carry it) stay the same.
 */
async function sameAuthTwice(run: ModuleRun, first: Flow, request: AuthRequest): Promise<Flow> {
  const second = await run.happyFlow(request, { signIn: false });
  // CheckIdTokenSubConsistentForSecondAuthorization, CheckIdTokenAuthTimeClaimsSameIfPresent.
  expect(second.idToken!.claims.sub).toBe(first.idToken!.claims.sub);
  const [before, after] = [first.idToken!.claims.auth_time, second.idToken!.claims.auth_time];
  if (before !== undefined && after !== undefined) expect(after).toBe(before);
  return second;
}

/**
 * The URL of a request object module (AbstractBuildRequestObjectRedirectToAuthorizationEndpoint):
 * the object (or its URI), then response_type, client_id, scope and redirect_uri repeated in
 * the query as OAuth requires, and any parameter whose query value differs from the object's.
 */
function requestObjectUrl(run: ModuleRun, query: Record<string, string>, object: Record<string, string>, member: Record<string, string>): URL {
  const url = new URL(run.metadata.authorization_endpoint!);
  const params: Record<string, string> = { ...member };
  for (const [name, value] of Object.entries(query)) {
    if (['response_type', 'client_id', 'scope', 'redirect_uri'].includes(name) || object[name] !== value) params[name] = value;
  }
  for (const name of Object.keys(params).sort()) url.searchParams.set(name, params[name]);
  return url;
}

/**
 * skipTestIfNoneUnsupported: the suite skips the request object modules unless
 * request_object_signing_alg_values_supported lists `none`. Portcullis takes request objects
 * signed (oidc-provider's default algorithms, no `none`), so the suite skips them; the tests
 * pin that, then what Portcullis answers the unsigned request anyway.
 */
function expectUnsignedRequestObjectsUnadvertised(run: ModuleRun): void {
  expect(run.metadata.request_parameter_supported).toBe(true);
  expect(run.metadata.request_object_signing_alg_values_supported).toEqual(expect.any(Array));
  expect(run.metadata.request_object_signing_alg_values_supported).not.toContain('none');
}

const scopeModule =
  (scopes: string[], extraChecks?: (run: ModuleRun, flow: Flow, claims: Record<string, any>) => void, reordered = false): ConformanceModule =>
  async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    // skipTestIfScopesNotSupported: scopes_supported names them.
    expect(run.metadata.scopes_supported).toEqual(expect.arrayContaining(scopes));
    const scope = reordered ? [...scopes, 'openid'].join(' ') : ['openid', ...scopes].join(' ');
    const flow = await run.happyFlow(run.request({ scope }, { reordered }));
    extraChecks?.(run, flow, await expectScopeClaims(run, flow, scope));
  };

/** oidcc-scope-email's extra checks (all warnings in the suite): name only where asked for, email only at userinfo when it can be. */
const emailChecks = (run: ModuleRun, flow: Flow, claims: Record<string, any>) => {
  for (const idToken of idTokens(flow)) {
    expect(idToken.claims).not.toHaveProperty('name');
    // EnsureIdTokenDoesNotContainEmailForScopeEmail: with an access token, email belongs at the userinfo endpoint.
    if (flow.accessToken) expect(idToken.claims).not.toHaveProperty('email');
  }
  if (flow.accessToken) expect(claims).not.toHaveProperty('name');
};

const codeReuse =
  (delayMs: number): ConformanceModule =>
  async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    const flow = await run.happyFlow();
    if (delayMs) await sleep(delayMs);
    const reuse = await run.tokenRequest({ grant_type: 'authorization_code', code: flow.auth.code!, redirect_uri: REDIRECT });
    // oidcc-codereuse only warns when the reuse succeeds; oidcc-codereuse-30seconds fails.
    expectInvalidGrant(reuse);
    // RFC 6749 §4.1.2: the tokens of the first use should be revoked (the suite warns).
    if (delayMs) expect((await run.userinfo(flow.tokens!.accessToken)).status).toBe(401);
  };

const userinfoModule =
  (how: UserInfoCall): ConformanceModule =>
  async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    // oidcc-userinfo-post-body: the suite only warns if the token in the body is refused (RFC 6750 §2.2 is optional).
    await expectUserInfo(run, await run.happyFlow(), how);
  };

export const OIDCC_MODULES: Record<string, ConformanceModule> = {
  'oidcc-server': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    // ConfigureClientForClientSecretBasic.
    expect(run.metadata.token_endpoint_auth_methods_supported).toContain('client_secret_basic');
    const request = run.request();
    const flow = await run.happyFlow(request);
    const { auth, tokens } = flow;
    expect(flow.idToken!.claims.sub).toBe(run.user.sub);
    // ExtractAtHash / ExtractCHash: required in the authorization endpoint's ID token next to a token / a code.
    if (auth.idToken) expectHashes(auth.idToken, auth, true);
    if (auth.code) expectCodeStrength(auth.code);
    if (tokens) {
      // ExtractExpiresInFromTokenEndpointResponse (a warning); at_hash and c_hash optional but right.
      expect(tokens.body.expires_in).toEqual(expect.any(Number));
      expectHashes(tokens.idToken, { accessToken: tokens.accessToken, code: auth.code }, false);
    }
    // EnsureIdTokenDoesNotContainName and EnsureIdTokenDoesNotContainNonRequestedClaims (warnings).
    for (const idToken of idTokens(flow)) expect(idToken.claims).not.toHaveProperty('name');
    expectOnlyRequestedClaims(flow.idToken!, request.params.scope);
  },

  'oidcc-response-type-missing': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    const request = run.request({ response_type: undefined });
    // Redirected with an error (the suite also accepts an error page, 📷): in the query, as no response_type says otherwise.
    const params = run.responseParams(await run.authorize(request, { signIn: false }), 'query');
    expectAuthorizationError(params, { issuer: run.issuer, state: request.state, errors: ['unsupported_response_type', 'invalid_request'] });
  },

  // The suite runs this module for dynamically registered clients only (registered without an
  // ID token algorithm); the static client here is registered without one as well.
  'oidcc-idtoken-signature': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    const flow = await run.happyFlow();
    for (const idToken of idTokens(flow)) {
      // EnsureIdTokenContainsKid, EnsureIdTokenSignatureIsRS256; the signature itself in the standard checks.
      expect(idToken.header.kid).toEqual(expect.any(String));
      expect(idToken.header.alg).toBe('RS256');
    }
  },

  // The suite skips this module unless id_token_signing_alg_values_supported lists `none` (and
  // runs it for dynamically registered clients only). Portcullis signs every ID token.
  'oidcc-idtoken-unsigned': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    expect(run.metadata.id_token_signing_alg_values_supported).toEqual(['RS256']);
    const refused = await adminApi(plan.running.url).post(`/v1/tenants/${run.issuerId}/clients`, {
      redirect_uris: [REDIRECT],
      id_token_signed_response_alg: 'none',
    });
    expect(refused.status).toBe(422);
  },

  'oidcc-userinfo-get': userinfoModule('get'),
  'oidcc-userinfo-post-header': userinfoModule('post-header'),
  'oidcc-userinfo-post-body': userinfoModule('post-body'),

  'oidcc-ensure-request-without-nonce-succeeds-for-code-flow': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    const request = run.request({ nonce: undefined });
    const auth = await run.expectAuthorized(request, await run.authorize(request));
    expect(auth.code).toEqual(expect.any(String));
    // The code is not redeemed (performPostAuthorizationFlow is skipped); an access token from the authorization endpoint works.
    if (auth.accessToken) expect((await run.userinfo(auth.accessToken)).status).toBe(200);
  },

  'oidcc-ensure-request-without-nonce-fails': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    const request = run.request({ nonce: undefined });
    // Redirected with invalid_request (the suite also accepts an error page, 📷).
    const params = run.responseParams(await run.authorize(request, { signIn: false }));
    expectAuthorizationError(params, { issuer: run.issuer, state: request.state, errors: ['invalid_request'] });
  },

  'oidcc-scope-profile': scopeModule(['profile']),
  'oidcc-scope-email': scopeModule(['email'], emailChecks),
  'oidcc-scope-address': scopeModule(['address']),
  'oidcc-scope-phone': scopeModule(['phone']),
  'oidcc-scope-all': scopeModule(['address', 'email', 'phone', 'profile']),
  // oidcc-scope-email with the scope reversed and the query in reverse alphabetical order (RFC 6749 §3.3).
  'oidcc-alternate-happy-flow': scopeModule(['email'], emailChecks, true),

  // Must not cause an error (OIDC Core §15.1); the suite expects the usual sign-in page.
  'oidcc-display-page': succeedsWith(() => ({ display: 'page' })),
  'oidcc-display-popup': succeedsWith(() => ({ display: 'popup' })),

  'oidcc-prompt-login': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    const first = await run.happyFlow();
    // WaitForOneSecond: auth_time has a resolution of one second, and the second must be later.
    await sleep(1_000);
    const request = run.request({ prompt: 'login' });
    // 📷 in the suite: the second sign-in page, shown here in Chromium despite the session.
    const second = await run.complete(request, await run.signInAgainInChromium(request));
    // CheckSecondIdTokenAuthTimeIsLaterIfPresent.
    const [before, after] = [first.idToken!.claims.auth_time, second.idToken!.claims.auth_time];
    if (before !== undefined && after !== undefined) expect(after).toBeGreaterThan(before as number);
  },

  'oidcc-prompt-none-not-logged-in': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    // A 128-character state, to check the error response does not corrupt it.
    const request = run.request({ prompt: 'none' }, { stateLength: 128 });
    const params = run.responseParams(await run.authorize(request, { signIn: false }));
    // CheckErrorFromAuthorizationEndpointIsOneThatRequiredAUserInterface.
    expectAuthorizationError(params, {
      issuer: run.issuer,
      state: request.state,
      errors: ['interaction_required', 'login_required', 'account_selection_required', 'consent_required'],
    });
  },

  'oidcc-prompt-none-logged-in': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    const first = await run.happyFlow();
    await sameAuthTwice(run, first, run.request({ prompt: 'none' }));
  },

  'oidcc-max-age-1': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    const first = await run.happyFlow();
    // WaitFor2Seconds: with auth_time in whole seconds, 2 s is the least that makes any sign-in older than max_age=1.
    await sleep(2_000);
    const request = run.request({ max_age: '1' });
    // 📷 in the suite: the second sign-in page, shown here in Chromium.
    const second = await run.complete(request, await run.signInAgainInChromium(request));
    for (const idToken of idTokens(second)) {
      // CheckIdTokenAuthTimeClaimPresentDueToMaxAge, CheckSecondIdTokenAuthTimeIsLaterIfPresent, CheckIdTokenAuthTimeIsRecentIfPresent.
      expect(idToken.claims.auth_time).toEqual(expect.any(Number));
      if (first.idToken!.claims.auth_time !== undefined) expect(idToken.claims.auth_time).toBeGreaterThan(first.idToken!.claims.auth_time as number);
      expect(idToken.claims.auth_time as number).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) - 301);
    }
  },

  'oidcc-max-age-10000': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    // max_age=15000 first, so that the first ID token must carry auth_time.
    const first = await run.happyFlow(run.request({ max_age: '15000' }));
    for (const idToken of idTokens(first)) expect(idToken.claims.auth_time).toEqual(expect.any(Number));
    const second = await sameAuthTwice(run, first, run.request({ max_age: '10000' }));
    for (const idToken of idTokens(second)) expect(idToken.claims.auth_time).toEqual(expect.any(Number));
  },

  // RFC 6749 §3.1: unrecognized parameters are ignored.
  'oidcc-ensure-request-with-unknown-parameter-succeeds': succeedsWith(() => ({ extra: 'foobar' })),

  'oidcc-id-token-hint': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    const first = await run.happyFlow();
    await sameAuthTwice(run, first, run.request({ prompt: 'none', id_token_hint: first.idToken!.raw }));
  },

  // The suite's default hint (no login_hint configured): buffy@ the issuer's host. It must not cause an error.
  'oidcc-login-hint': succeedsWith((run) => ({ login_hint: `buffy@${new URL(run.issuer).hostname}` })),
  'oidcc-ui-locales': succeedsWith(() => ({ ui_locales: 'se' })),
  'oidcc-claims-locales': succeedsWith(() => ({ claims_locales: 'se' })),

  'oidcc-ensure-request-with-acr-values-succeeds': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    // OIDCCAddAcrValuesToAuthorizationEndpointRequest: all the advertised values.
    const requested = run.metadata.acr_values_supported as string[];
    expect(requested).not.toHaveLength(0);
    const flow = await run.happyFlow(run.request({ acr_values: requested.join(' ') }));
    // ValidateIdTokenACRClaimAgainstAcrValuesRequest (a warning: the ID token SHOULD carry one of them).
    for (const idToken of idTokens(flow)) expect(requested).toContain(idToken.claims.acr);
  },

  'oidcc-codereuse': codeReuse(0),
  // See CODE_REUSE_DELAY_MS for the delay.
  'oidcc-codereuse-30seconds': codeReuse(CODE_REUSE_DELAY_MS),

  'oidcc-ensure-registered-redirect-uri': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    // CreateBadRedirectUriByAppending: a random path after the registered one.
    const request = run.request({ redirect_uri: `${REDIRECT}/${randomBytes(5).toString('hex')}` });
    // 📷: an error page naming the redirect URI; neither URI may be called.
    const page = await run.errorPage(request.url);
    expect(page.status).toBe(400);
    expect(page.contentType).toMatch(/^text\/html\b/);
    expect(page.text).toContain('invalid_redirect_uri');
  },

  // The authorization request as a form POST (OIDC Core §3.1.2.1).
  'oidcc-ensure-post-request-succeeds': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    await run.happyFlow(run.request(), { method: 'POST' });
  },

  'oidcc-server-client-secret-post': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant, { auth: 'client_secret_post' });
    // ConfigureClientForClientSecretPost.
    expect(run.metadata.token_endpoint_auth_methods_supported).toContain('client_secret_post');
    await run.happyFlow();
  },

  // Also not applicable to static clients in the suite (it registers the request_uri).
  'oidcc-request-uri-unsigned-supported-correctly-or-rejected-as-unsupported': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    expectUnsignedRequestObjectsUnadvertised(run);
    expect(run.metadata.request_uri_parameter_supported).toBe(false);
    // oidc-provider 9 reads request_uri only for its own pushed requests: the module's "rejected as unsupported" branch.
    // The suite would serve the unsigned object at this URI (CreateRandomRequestUriWithFragment); Portcullis never fetches it.
    const request = run.request();
    const requestUri = `${CLIENT_ORIGIN}/test/a/portcullis/requesturi/${randomBytes(8).toString('hex')}#${randomBytes(4).toString('hex')}`;
    const url = requestObjectUrl(run, request.params, request.params, { request_uri: requestUri });
    // state and response_mode travel inside the object only, which is never read: the error comes in the default mode, without state.
    const callback = await run.authorize(url, { signIn: false });
    const params = callback.body ?? new URLSearchParams(callback.url.hash.slice(1) || callback.url.search);
    expect(params.get('error')).toBe('request_uri_not_supported');
    if (params.has('iss')) expect(params.get('iss')).toBe(run.issuer);
  },

  'oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    expectUnsignedRequestObjectsUnadvertised(run);
    const request = run.request();
    const url = requestObjectUrl(run, request.params, request.params, { request: new UnsecuredJWT(request.params).encode() });
    // Refused as an unsupported algorithm, back to the client with the object's state and response mode.
    const params = run.responseParams(await run.authorize(url, { signIn: false }));
    expectAuthorizationError(params, { issuer: run.issuer, state: request.state, errors: ['invalid_request_object'] });
  },

  'oidcc-ensure-request-object-with-redirect-uri': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    expectUnsignedRequestObjectsUnadvertised(run);
    const request = run.request();
    // AddInvalidRedirectUriToAuthorizationRequest, after the object was made: only the query's redirect_uri is wrong.
    const query = { ...request.params, redirect_uri: `${REDIRECT}_invalid` };
    const url = requestObjectUrl(run, query, request.params, { request: new UnsecuredJWT(request.params).encode() });
    // 📷: the module's "invalid redirect_uri error page" outcome; neither URI is called.
    const page = await run.errorPage(url);
    expect(page.status).toBe(400);
    expect(page.contentType).toMatch(/^text\/html\b/);
    expect(page.text).toContain('invalid_redirect_uri');
  },

  'oidcc-claims-essential': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    // The name claim, essential: in the userinfo response, or in the ID token for response_type=id_token.
    const target = variant.responseType === 'id_token' ? 'id_token' : 'userinfo';
    const flow = await run.happyFlow(run.request({ claims: JSON.stringify({ [target]: { name: { essential: true } } }) }));
    // EnsureUserInfoContainsName, EnsureIdTokenDoesNotContainName, EnsureIdTokenContainsName: warnings.
    if (flow.accessToken) {
      expect(await expectScopeClaims(run, flow, 'openid')).toHaveProperty('name', 'Buffy Anne Summers');
      for (const idToken of idTokens(flow)) expect(idToken.claims).not.toHaveProperty('name');
    } else {
      expect(flow.auth.idToken!.claims).toHaveProperty('name', 'Buffy Anne Summers');
    }
  },

  'oidcc-refresh-token': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    // SetScopeInClientConfigurationToOpenIdOfflineAccessIfServerSupportsOfflineAccess.
    expect(run.metadata.scopes_supported).toContain('offline_access');
    expect(run.metadata.grant_types_supported).toContain('refresh_token');
    const scope = 'openid offline_access';
    let lastRefreshToken = '';
    // AbstractOIDCCMultipleClient: the whole flow with a first client, then a second.
    for (const client of [run.client, await run.registerClient()]) {
      const second = client !== run.client;
      // AddPromptConsentToAuthorizationEndpointRequestIfScopeContainsOfflineAccess (OIDC Core §11).
      const request = run.request({ scope, prompt: 'consent', ...(second ? { nonce: randomBytes(32).toString('base64url').slice(0, 43) } : {}) }, { client });
      const flow = await run.happyFlow(request);
      const refreshToken = expectString(flow.tokens!.refreshToken, 'refresh_token');
      // EnsureRefreshTokenContainsAllowedCharactersOnly (RFC 6749 A.17).
      expect(refreshToken).toMatch(/^[\x20-\x7E]+$/);
      // WaitForOneSecond: the refreshed ID token's iat must differ.
      await sleep(1_000);
      const res = await run.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken, ...(second ? {} : { scope }) }, client);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json\b/);
      // CheckTokenEndpointCacheHeaders.
      expect(
        res.headers
          .get('cache-control')
          ?.split(',')
          .map((part) => part.trim()),
      ).toContain('no-store');
      expect(String(res.body.token_type).toLowerCase()).toBe('bearer');
      const accessToken = expectString(res.body.access_token, 'access_token');
      if (res.body.expires_in !== undefined) expect(res.body.expires_in).toBeGreaterThan(0);
      // CompareIdTokenClaims (OIDC Core §12.2): same iss, sub, aud, auth_time and azp; a new iat.
      if (res.body.id_token) {
        const refreshed = await run.idToken(res.body.id_token, { ...request, nonce: flow.idToken!.claims.nonce as string | undefined });
        const before = flow.idToken!.claims;
        const after = refreshed.claims;
        expect({ iss: after.iss, sub: after.sub, aud: after.aud, auth_time: after.auth_time, azp: after.azp }).toEqual({
          iss: before.iss,
          sub: before.sub,
          aud: before.aud,
          auth_time: before.auth_time,
          azp: before.azp,
        });
        expect(after.iat).not.toBe(before.iat);
      }
      expect((await run.userinfo(accessToken)).status).toBe(200);
      lastRefreshToken = res.body.refresh_token ?? refreshToken;
    }
    // RefreshTokenRequestExpectingErrorSteps: the second client's refresh token, presented by the first client.
    expectInvalidGrant(await run.tokenRequest({ grant_type: 'refresh_token', refresh_token: lastRefreshToken, scope }, run.client));
  },

  'oidcc-ensure-request-with-valid-pkce-succeeds': async (plan, variant) => {
    const run = await ModuleRun.start(plan, variant);
    const verifier = oidc.randomPKCECodeVerifier();
    const request = run.request({ code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' });
    await run.happyFlow(request, { redeemExtra: { code_verifier: verifier } });
  },
};
