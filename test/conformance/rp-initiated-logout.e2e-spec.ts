import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAuthorizationError } from './checks.js';
import { CLIENT_ORIGIN, ModuleRun, POST_LOGOUT_REDIRECT, startPlan, type Plan } from './plan.js';

/**
 * RP-Initiated Logout OP: oidcc-rp-initiated-logout-certification-test-plan
 * (OIDCCRpInitiatedLogoutTestPlan: discovery, client_secret_basic, response_type=code). Every
 * module signs in first with a normal code flow, then sends the browser to end_session_endpoint
 * with the suite's request: id_token_hint, post_logout_redirect_uri and state, less or more.
 * Portcullis asks the user to confirm every sign-out (oidc-provider's logout page), which the
 * suite allows; the person confirms it here.
 */
describe.concurrent('oidcc-rp-initiated-logout-certification-test-plan', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await startPlan({ chromium: true });
  });
  afterAll(() => plan?.close());

  /** The normal authorization flow every module starts with; the ID token is the hint. */
  async function signedIn(): Promise<{ run: ModuleRun; idToken: string }> {
    const run = await ModuleRun.start(plan, { responseType: 'code' });
    const flow = await run.happyFlow();
    return { run, idToken: flow.idToken!.raw };
  }

  /** CreateEndSessionEndpointRequest, with the module's changes (`undefined` leaves a parameter out). */
  function endSession(run: ModuleRun, params: Record<string, string | undefined>): URL {
    const url = new URL(run.metadata.end_session_endpoint!);
    for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
    return url;
  }

  const endSessionState = () => randomBytes(16).toString('base64url');

  /** The user confirms the sign-out on Portcullis's page; returns where the browser goes next. */
  async function confirmSignOut(run: ModuleRun, url: URL): Promise<URL | Response> {
    const page = await run.agent.get(url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Sign out?');
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
    return run.agent.follow(await run.agent.post(action, { xsrf, logout: 'yes' }));
  }

  /** The second authorization of the suite: prompt=none must now fail, as the user is signed out. */
  async function expectSignedOut(run: ModuleRun): Promise<void> {
    const request = run.request({ prompt: 'none' });
    const params = run.responseParams(await run.authorize(request, { signIn: false }));
    expectAuthorizationError(params, {
      issuer: run.issuer,
      state: request.state,
      errors: ['interaction_required', 'login_required', 'account_selection_required', 'consent_required'],
    });
  }

  /** 📷 an error page in Chromium for a request that must not redirect; nothing reaches the client. */
  async function expectErrorPage(run: ModuleRun, url: URL, error: string): Promise<void> {
    const page = await run.errorPage(url);
    expect(page.status).toBe(400);
    expect(page.contentType).toMatch(/^text\/html\b/);
    expect(page.text).toContain(error);
  }

  /** 📷 the "you are signed out" page, after the person confirms in Chromium; then the session is gone. */
  async function expectSignedOutPage(run: ModuleRun, url: URL): Promise<void> {
    await run.chromium(async (browser) => {
      await browser.goto(url);
      await browser.page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await browser.page.getByRole('heading', { name: 'Signed out' }).waitFor();
      expect(browser.received, 'requests that reached the client').toEqual([]);
    });
    await expectSignedOut(run);
  }

  it('oidcc-rp-initiated-logout-discovery-endpoint-verification', async () => {
    const { run } = await signedIn();
    // CheckDiscEndSessionEndpoint; CheckDiscEndpointAllEndpointsAreHttps holds with an https PUBLIC_URL
    // (config-op runs that way); here, on loopback http, every endpoint is on the issuer.
    expect(run.metadata.end_session_endpoint).toBe(`${run.issuer}/end-session`);
    for (const [member, value] of Object.entries(run.metadata)) if (member.endsWith('_endpoint')) expect(value, member).toMatch(new RegExp(`^${run.issuer}/`));
  });

  it('oidcc-rp-initiated-logout', async () => {
    const { run, idToken } = await signedIn();
    const state = endSessionState();
    const done = (await confirmSignOut(run, endSession(run, { id_token_hint: idToken, post_logout_redirect_uri: POST_LOGOUT_REDIRECT, state }))) as URL;
    // CheckPostLogoutState, and CheckForUnexpectedParametersInPostLogoutRedirect (a warning).
    expect(`${done.origin}${done.pathname}`).toBe(POST_LOGOUT_REDIRECT);
    expect([...done.searchParams]).toEqual([['state', state]]);
    await expectSignedOut(run);
  });

  it('oidcc-rp-initiated-logout-bad-post-logout-redirect-uri', async () => {
    const { run, idToken } = await signedIn();
    const bad = `${CLIENT_ORIGIN}/test/a/portcullis/bad_post_logout_redirect_uri`;
    await expectErrorPage(run, endSession(run, { id_token_hint: idToken, post_logout_redirect_uri: bad, state: endSessionState() }), 'invalid_request');
  });

  it('oidcc-rp-initiated-logout-modified-id-token-hint', async () => {
    const { run, idToken } = await signedIn();
    // ChangeIdTokenToAlgNone: the same claims under {"alg":"none"} and no signature.
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${idToken.split('.')[1]}.`;
    const url = endSession(run, { id_token_hint: unsigned, post_logout_redirect_uri: POST_LOGOUT_REDIRECT, state: endSessionState() });
    await expectErrorPage(run, url, 'invalid_request');
  });

  it('oidcc-rp-initiated-logout-no-id-token-hint', async () => {
    const { run } = await signedIn();
    // The module's "confirm with the user" branch: with no hint (nor client_id) the client is unknown, so oidc-provider
    // drops the post_logout_redirect_uri and asks; once confirmed, the user is signed out without going back.
    await expectSignedOutPage(run, endSession(run, { post_logout_redirect_uri: POST_LOGOUT_REDIRECT, state: endSessionState() }));
  });

  it('oidcc-rp-initiated-logout-no-params', async () => {
    const { run } = await signedIn();
    await expectSignedOutPage(run, endSession(run, {}));
  });

  it('oidcc-rp-initiated-logout-no-post-logout-redirect-uri', async () => {
    const { run, idToken } = await signedIn();
    await expectSignedOutPage(run, endSession(run, { id_token_hint: idToken, state: endSessionState() }));
  });

  it('oidcc-rp-initiated-logout-no-state', async () => {
    const { run, idToken } = await signedIn();
    const done = (await confirmSignOut(run, endSession(run, { id_token_hint: idToken, post_logout_redirect_uri: POST_LOGOUT_REDIRECT }))) as URL;
    // CheckNoPostLogoutState.
    expect(`${done.origin}${done.pathname}`).toBe(POST_LOGOUT_REDIRECT);
    expect([...done.searchParams]).toEqual([]);
    await expectSignedOut(run);
  });

  it('oidcc-rp-initiated-logout-only-state', async () => {
    const { run } = await signedIn();
    await expectSignedOutPage(run, endSession(run, { state: endSessionState() }));
  });

  it('oidcc-rp-initiated-logout-query-added-to-post-logout-redirect-uri', async () => {
    const { run, idToken } = await signedIn();
    const url = endSession(run, { id_token_hint: idToken, post_logout_redirect_uri: `${POST_LOGOUT_REDIRECT}?foo=bar`, state: endSessionState() });
    await expectErrorPage(run, url, 'invalid_request');
  });

  it('oidcc-rp-initiated-logout-bad-id-token-hint', async () => {
    const { run } = await signedIn();
    // GenerateFakeIdTokenClaims and SignFakeIdToken: "issued" by the client, signed with its secret (GenerateJWKsFromClientSecret).
    const now = Math.floor(Date.now() / 1000);
    const fake = await new SignJWT({ iss: run.client.clientId, sub: 'SubjectID', aud: run.issuer, nonce: 'flibble', iat: now, exp: now + 300 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(run.client.clientSecret));
    const url = endSession(run, { id_token_hint: fake, post_logout_redirect_uri: POST_LOGOUT_REDIRECT, state: endSessionState() });
    // oidc-provider looks at the hint's audience first (the issuer, here): no client it knows.
    await expectErrorPage(run, url, 'invalid_client');
  });
});
