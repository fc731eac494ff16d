import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { freePort, startApp, TEST_ADMIN_KEY, TEST_KEK, tempDir, type RunningApp } from '../helpers/app.js';
import { UserAgent } from '../helpers/browserless.js';
import { answerOk, logoutReceiver, type LogoutReceiver } from '../helpers/logout-receiver.js';
import { spawnPortcullis, type PortcullisProcess } from '../helpers/process.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from '../helpers/rp.js';

/**
 * The OpenID Foundation's `oidcc-backchannel-rp-initiated-logout-certification-test-plan`
 * (conformance-suite OIDCCBackchannelRpInitiatedLogoutTestPlan: discovery, client_secret_basic,
 * default response mode), one test per module, named after it, against a fresh issuer, with a
 * loopback server as the RP's backchannel_logout_uri (CLIENT_URIS_ALLOW_PRIVATE). The logout
 * token is judged as the suite judges it (ValidateLogoutTokenSignature, ValidateLogoutTokenClaims,
 * CheckIdTokenSub/SidMatchesLogoutToken, CheckLogoutTokenNoNonce, CheckLogoutTokenHasSubOrSid,
 * CheckForUnexpectedParametersInBackchannelLogoutRequest); then the cases those checks and the
 * OP's side of the spec branch on. Runs the built process, whose log is read.
 */

const REDIRECT = 'https://rp.example.com/cb';
const POST_LOGOUT_REDIRECT = 'https://rp.example.com/post_logout_redirect';
const USER = { username: 'bcl', password: 'correct horse battery staple' };
const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** The suite asks for a 128-character state, to check the OP does not corrupt it. */
const LONG_STATE = 'S'.repeat(64) + 's'.repeat(64);

describe('oidcc-backchannel-rp-initiated-logout-certification-test-plan', () => {
  let proc: PortcullisProcess;
  let url: string;
  let rp: LogoutReceiver;
  let issuerId: string;
  let issuer: string;
  let userId: string;
  /** The suite's client: backchannel_logout_session_required true. */
  let client: oidc.Configuration;

  beforeAll(async () => {
    const port = await freePort();
    proc = spawnPortcullis({
      NODE_ENV: 'test',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: inject('databaseUrl'),
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      KEY_ENCRYPTION_KEY: TEST_KEK,
      DATA_DIR: await tempDir(),
      KEY_ROTATION_CHECK_SECONDS: '0',
      RATE_LIMIT_PROTOCOL_PER_MINUTE: '0',
      CLIENT_URIS_ALLOW_PRIVATE: 'true',
      LOG_LEVEL: 'info',
    });
    url = await proc.listening;
    rp = await logoutReceiver();
    ({ issuerId, issuer } = await createTenant(url));
    userId = (await adminApi(url).post(`/v1/tenants/${issuerId}/users`, USER)).body.user_id;
    client = await registerClient({ backchannel_logout_uri: rp.uri(), backchannel_logout_session_required: true });
  });
  afterAll(async () => {
    await rp?.close();
    await proc?.stop();
  });

  /** A confidential client (client_secret_basic) as the suite registers one: redirect and post-logout redirect URIs, plus `extra`. */
  async function registerClient(extra: Record<string, unknown>): Promise<oidc.Configuration> {
    const { clientId, clientSecret } = await createClient(url, issuerId, {
      redirect_uris: [REDIRECT],
      post_logout_redirect_uris: [POST_LOGOUT_REDIRECT],
      ...extra,
    });
    return discover(issuer, clientId, oidc.ClientSecretBasic(clientSecret));
  }

  /** The suite's first authorization: code flow, long state; returns the tokens and the browser holding the session. */
  async function signIn(config: oidc.Configuration, agent = new UserAgent(url)) {
    const { url: authorize, checks } = await authorizationRequest(config, REDIRECT);
    authorize.searchParams.set('state', LONG_STATE);
    checks.expectedState = LONG_STATE;
    const callback = await agent.authorize(authorize, USER);
    const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
    return { agent, tokens, idToken: tokens.claims()! };
  }

  /** RP-initiated logout: end_session with id_token_hint, post_logout_redirect_uri and state, confirmed; returns where the browser was sent. */
  async function rpInitiatedLogout(config: oidc.Configuration, agent: UserAgent, idTokenHint: string, state = oidc.randomState()) {
    const endSession = oidc.buildEndSessionUrl(config, { id_token_hint: idTokenHint, post_logout_redirect_uri: POST_LOGOUT_REDIRECT, state });
    const html = await ((await agent.follow(await agent.get(endSession))) as Response).text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
    return { done: (await agent.follow(await agent.post(action, { xsrf, logout: 'yes' }))) as URL, state };
  }

  /** The suite's second authorization, with prompt=none: the error it must get (CheckErrorFromAuthorizationEndpointIsOneThatRequiredAUserInterface). */
  async function promptNoneError(config: oidc.Configuration, agent: UserAgent): Promise<string | null> {
    const { url: silent } = await authorizationRequest(config, REDIRECT, { prompt: 'none' });
    const back = (await agent.follow(await agent.get(silent))) as URL;
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    return back.searchParams.get('error');
  }

  /** The issuer's published keys, as the suite fetches them (server_jwks). */
  async function issuerJwks(): Promise<JSONWebKeySet> {
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { jwks_uri: string };
    return (await (await fetch(discovery.jwks_uri)).json()) as JSONWebKeySet;
  }

  /**
   * ValidateLogoutTokenSignature and ValidateLogoutTokenClaims: signed by a key of the issuer's
   * JWKS with the header's kid, alg and `use: sig`; iss, aud, iat (not in the future, not a day
   * old), jti, and an `events` claim holding exactly the back-channel logout event as `{}`.
   * CheckLogoutTokenNoNonce: no nonce.
   */
  async function verifiedLogoutToken(token: string, clientId: string): Promise<JWTPayload> {
    const jwks = await issuerJwks();
    const header = decodeProtectedHeader(token);
    const keys = jwks.keys.filter((key) => key.kid === header.kid && key.alg === header.alg && key.use === 'sig');
    expect(keys, 'exactly one issuer key with the header kid, alg and use sig').toHaveLength(1);
    // Explicit typing, Back-Channel Logout 1.0 §2.4 (the suite does not check it; RPs may).
    expect(header.typ).toBe('logout+jwt');
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer, audience: clientId });
    const now = Math.floor(Date.now() / 1000);
    expect(payload.iat).toEqual(expect.any(Number));
    expect(payload.iat!).toBeLessThanOrEqual(now + 300);
    expect(payload.iat!).toBeGreaterThan(now - 86_400);
    expect(payload.jti).toEqual(expect.any(String));
    expect(payload.events).toEqual({ [LOGOUT_EVENT]: {} });
    expect(payload).not.toHaveProperty('nonce');
    return payload;
  }

  /** CheckForUnexpectedParametersInBackchannelLogoutRequest: a form POST with `logout_token` alone. */
  function expectOneLogoutRequest(from: number): string {
    const requests = rp.received.slice(from);
    expect(requests.map(({ method, path, contentType }) => ({ method, path, contentType }))).toEqual([
      { method: 'POST', path: '/backchannel_logout', contentType: 'application/x-www-form-urlencoded' },
    ]);
    expect([...requests[0].form.keys()]).toEqual(['logout_token']);
    return requests[0].form.get('logout_token')!;
  }

  it('oidcc-backchannel-logout-discovery-endpoint-verification: backchannel_logout_supported, backchannel_logout_session_supported and end_session_endpoint, every endpoint https behind TLS', async () => {
    const metadata = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      backchannel_logout_supported: true,
      backchannel_logout_session_supported: true,
      end_session_endpoint: `${issuer}/end-session`,
    });

    // CheckDiscEndpointAllEndpointsAreHttps: an issuer deployed as operators deploy it, on an https PUBLIC_URL.
    const deployed: RunningApp = await startApp({ PUBLIC_URL: 'https://id.example.com' });
    try {
      const { issuerId: tlsIssuerId } = await createTenant(deployed.url);
      const tls = (await (await fetch(`${deployed.url}/${tlsIssuerId}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
      expect(tls).toMatchObject({ backchannel_logout_supported: true, backchannel_logout_session_supported: true });
      const endpoints = Object.entries(tls).filter(([member]) => member.endsWith('_endpoint') || member === 'jwks_uri' || member === 'issuer');
      expect(endpoints.map(([member]) => member)).toContain('end_session_endpoint');
      for (const [member, value] of endpoints) expect(value, member).toMatch(/^https:\/\//);
    } finally {
      await deployed.close();
    }
  });

  it('oidcc-backchannel-rp-initiated-logout: the logout token reaches the backchannel_logout_uri, the browser the post_logout_redirect_uri with state; then prompt=none fails', async () => {
    const { agent, tokens, idToken } = await signIn(client);
    expect(idToken.sid, 'sid in the ID token of a client that requires it').toEqual(expect.any(String));
    const before = rp.received.length;

    const { done, state } = await rpInitiatedLogout(client, agent, tokens.id_token!);
    // CheckPostLogoutState, CheckForUnexpectedParametersInPostLogoutRedirect.
    expect(`${done.origin}${done.pathname}`).toBe(POST_LOGOUT_REDIRECT);
    expect([...done.searchParams]).toEqual([['state', state]]);

    // end_session answers once its logout tokens are delivered: the request is here already.
    const logoutToken = await verifiedLogoutToken(expectOneLogoutRequest(before), client.clientMetadata().client_id);
    // CheckIdTokenSubMatchesLogoutToken, CheckIdTokenSidMatchesLogoutToken, CheckLogoutTokenHasSubOrSid.
    expect(logoutToken.sub).toBe(idToken.sub);
    expect(logoutToken.sub).toBe(userId);
    expect(logoutToken.sid).toBe(idToken.sid);

    expect(await promptNoneError(client, agent)).toBe('login_required');
  });

  describe('what the checks branch on', () => {
    it('a client without backchannel_logout_session_required: a logout token with sub and no sid (CheckLogoutTokenHasSubOrSid), no sid in its ID token', async () => {
      const noSid = await registerClient({ backchannel_logout_uri: rp.uri('/no-sid') });
      const { agent, tokens, idToken } = await signIn(noSid);
      expect(idToken).not.toHaveProperty('sid');
      const before = rp.received.length;
      await rpInitiatedLogout(noSid, agent, tokens.id_token!);
      const [token] = rp.tokens('/no-sid').slice(-1);
      expect(rp.received.length - before).toBe(1);
      const claims = await verifiedLogoutToken(token, noSid.clientMetadata().client_id);
      expect(claims.sub).toBe(userId);
      expect(claims).not.toHaveProperty('sid');
    });

    it('every client of the session gets its own logout token (its aud, its sid), not only the one that asked; a client without backchannel_logout_uri gets none', async () => {
      const second = await registerClient({ backchannel_logout_uri: rp.uri('/second'), backchannel_logout_session_required: true });
      const silent = await registerClient({});
      const first = await signIn(client);
      // Single sign-on: the same browser session signs in to the other two clients.
      const other = await signIn(second, first.agent);
      await signIn(silent, first.agent);
      expect(other.idToken.sid).not.toBe(first.idToken.sid);
      const before = rp.received.length;

      await rpInitiatedLogout(client, first.agent, first.tokens.id_token!);
      const requests = rp.received.slice(before);
      expect(requests.map((request) => request.path).sort()).toEqual(['/backchannel_logout', '/second']);
      const tokenFor = (path: string) => requests.find((request) => request.path === path)!.form.get('logout_token')!;
      const firstClaims = await verifiedLogoutToken(tokenFor('/backchannel_logout'), client.clientMetadata().client_id);
      const secondClaims = await verifiedLogoutToken(tokenFor('/second'), second.clientMetadata().client_id);
      expect(firstClaims.sid).toBe(first.idToken.sid);
      expect(secondClaims.sid).toBe(other.idToken.sid);
      expect(firstClaims.jti).not.toBe(secondClaims.jti);
      expect(await promptNoneError(second, first.agent)).toBe('login_required');
    });

    it.each([
      ['answers 500', (_req, res) => (res.writeHead(500), res.end('oops')), /"reason":"the client answered 500"/],
      ['redirects (not followed)', (_req, res) => (res.writeHead(302, { location: '/elsewhere' }), res.end()), /"reason":"the client answered 302"/],
      ['never answers', () => undefined, /"reason":"no answer within 2\.5 s"/],
    ] satisfies [string, Parameters<LogoutReceiver['answer']>[0], RegExp][])(
      'an RP that %s: the sign-out completes all the same, and the failure is logged without the token',
      async (_case, answer, reason) => {
        const failing = await registerClient({ backchannel_logout_uri: rp.uri('/failing'), backchannel_logout_session_required: true });
        const { agent, tokens } = await signIn(failing);
        const before = rp.received.length;
        rp.answer(answer);
        try {
          const { done, state } = await rpInitiatedLogout(failing, agent, tokens.id_token!);
          expect(`${done.origin}${done.pathname}`).toBe(POST_LOGOUT_REDIRECT);
          expect(done.searchParams.get('state')).toBe(state);
        } finally {
          rp.answer(answerOk);
        }
        // Sent once, not retried, and a redirect's target is never asked for.
        expect(rp.received.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual(['POST /failing']);
        expect(await promptNoneError(failing, agent)).toBe('login_required');

        const clientId = failing.clientMetadata().client_id;
        const line = await proc.waitForLine(new RegExp(`back-channel logout not delivered.*${clientId}|${clientId}.*back-channel logout not delivered`));
        expect(JSON.parse(line)).toMatchObject({ level: 40, issuer_id: issuerId, client_id: clientId });
        expect(line).toMatch(reason);
        const [token] = rp.tokens('/failing').slice(-1);
        expect(proc.stdout.some((logged) => logged.includes(token))).toBe(false);
      },
    );

    it('an RP whose address does not answer at all (connection refused): the sign-out completes and the failure is logged', async () => {
      const closed = await logoutReceiver();
      const uri = closed.uri();
      await closed.close();
      const unreachable = await registerClient({ backchannel_logout_uri: uri });
      const { agent, tokens } = await signIn(unreachable);
      const { done } = await rpInitiatedLogout(unreachable, agent, tokens.id_token!);
      expect(`${done.origin}${done.pathname}`).toBe(POST_LOGOUT_REDIRECT);
      expect(await promptNoneError(unreachable, agent)).toBe('login_required');
      const clientId = unreachable.clientMetadata().client_id;
      expect(await proc.waitForLine(new RegExp(`"client_id":"${clientId}".*ECONNREFUSED|ECONNREFUSED.*"client_id":"${clientId}"`))).toContain(
        'back-channel logout not delivered',
      );
    });

    it('an admin ending the session (DELETE /v1/tenants/{issuer_id}/sessions/{id}) sends the same logout token; then prompt=none fails', async () => {
      const { agent, idToken } = await signIn(client);
      const api = adminApi(url);
      const sessions = (await api.get(`/v1/tenants/${issuerId}/sessions?user_id=${userId}&limit=200`)).body.items as {
        session_id: string;
        client_ids: string[];
      }[];
      const session = sessions.find((one) => one.client_ids.includes(client.clientMetadata().client_id))!;
      const before = rp.received.length;

      expect((await api.delete(`/v1/tenants/${issuerId}/sessions/${session.session_id}`)).status).toBe(204);
      // The answer comes after the delivery.
      const logoutToken = await verifiedLogoutToken(expectOneLogoutRequest(before), client.clientMetadata().client_id);
      expect(logoutToken.sub).toBe(idToken.sub);
      expect(logoutToken.sid).toBe(idToken.sid);
      expect(await promptNoneError(client, agent)).toBe('login_required');
    });

    it('an admin ending a session whose RP fails: 204 all the same, the session is gone, the failure is logged', async () => {
      const failing = await registerClient({ backchannel_logout_uri: rp.uri('/admin-failing') });
      const { agent } = await signIn(failing);
      const api = adminApi(url);
      const sessions = (await api.get(`/v1/tenants/${issuerId}/sessions?user_id=${userId}&limit=200`)).body.items as {
        session_id: string;
        client_ids: string[];
      }[];
      const clientId = failing.clientMetadata().client_id;
      const session = sessions.find((one) => one.client_ids.includes(clientId))!;
      rp.answer((_req, res) => (res.writeHead(503), res.end()));
      try {
        expect((await api.delete(`/v1/tenants/${issuerId}/sessions/${session.session_id}`)).status).toBe(204);
      } finally {
        rp.answer(answerOk);
      }
      expect(rp.tokens('/admin-failing')).toHaveLength(1);
      expect((await api.delete(`/v1/tenants/${issuerId}/sessions/${session.session_id}`)).status).toBe(404);
      expect(await promptNoneError(failing, agent)).toBe('login_required');
      expect(await proc.waitForLine(new RegExp(`"client_id":"${clientId}".*"reason":"the client answered 503"`))).toContain(
        'back-channel logout not delivered',
      );
    });
  });
});
