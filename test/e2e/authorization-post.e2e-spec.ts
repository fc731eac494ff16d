import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, oauthError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { formOf, UserAgent } from '../helpers/browserless.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const SIGNED_OUT = 'https://rp.example.com/signed-out';
const USER = { username: 'sam', password: 'correct horse battery staple' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** What a browser adds to a form posted from a page of Portcullis's own origin: the POST is served in place. */
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };
/** What a browser sends with a navigation: HTML first. */
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/**
 * The authorization and end-session endpoints by form POST (OpenID Connect Core §3.1.2.1,
 * RP-Initiated Logout 1.0 §2), and the errors those endpoints cannot send back to the client.
 */
describe('authorization and end-session by POST', () => {
  let running: RunningApp;
  let issuerId: string;
  let issuer: string;
  let userId: string;
  let config: oidc.Configuration;

  beforeAll(async () => {
    running = await startApp();
    ({ issuerId, issuer } = await createTenant(running.url, { display_name: 'Acme Corp', brand_color: '#0a7d4f' }));
    userId = (await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, USER)).body.user_id;
    const client = await createClient(running.url, issuerId, {
      client_name: 'Acme Portal',
      redirect_uris: [REDIRECT],
      post_logout_redirect_uris: [SIGNED_OUT],
    });
    config = await discover(issuer, client.clientId, oidc.ClientSecretBasic(client.clientSecret));
  });
  afterAll(() => running.close());

  /** The endpoint without a query, and the request's parameters as a form. */
  const asForm = (url: URL) => ({ endpoint: `${url.origin}${url.pathname}`, form: Object.fromEntries(url.searchParams) });

  async function signedIn(agent = new UserAgent(running.url)) {
    const { url, checks } = await authorizationRequest(config, REDIRECT);
    const tokens = await oidc.authorizationCodeGrant(config, await agent.authorize(url, USER), checks);
    return { agent, tokens };
  }

  const sessionIds = async () =>
    new Set(
      ((await adminApi(running.url).get(`/v1/tenants/${issuerId}/sessions?user_id=${userId}&limit=200`)).body.items as { session_id: string }[]).map(
        (session) => session.session_id,
      ),
    );

  it('a form POST to the authorization endpoint, parameters in the body only: sign-in, code, tokens', async () => {
    const { url, checks } = await authorizationRequest(config, REDIRECT, { scope: 'openid email' });
    const { endpoint, form } = asForm(url);
    expect(new URL(endpoint).search).toBe('');
    const agent = new UserAgent(running.url);
    const callback = await agent.authorize(await agent.post(endpoint, form), USER);
    expect(callback.searchParams.get('iss')).toBe(issuer);
    const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
    expect(tokens.claims()).toMatchObject({ iss: issuer, sub: userId, nonce: checks.expectedNonce });
  });

  it('a POST sees the session of the browser that sent it: prompt=none answers with a code', async () => {
    const { agent } = await signedIn();
    const { url, checks } = await authorizationRequest(config, REDIRECT, { prompt: 'none' });
    const { endpoint, form } = asForm(url);
    const callback = (await agent.follow(await agent.post(endpoint, form))) as URL;
    expect((await oidc.authorizationCodeGrant(config, callback, checks)).claims()!.sub).toBe(userId);
  });

  it('a POST another site started goes on as the GET request with the same parameters, which carries the session cookie', async () => {
    const { agent } = await signedIn();
    const { url, checks } = await authorizationRequest(config, REDIRECT, { prompt: 'none' });
    const { endpoint, form } = asForm(url);
    const posted = await agent.fetch(endpoint, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...FORM, 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams(form).toString(),
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('cache-control')).toBe('no-store');
    const location = new URL(posted.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${issuer}/authorize`);
    expect(Object.fromEntries(location.searchParams)).toEqual(form);
    const callback = (await agent.follow(posted)) as URL;
    expect((await oidc.authorizationCodeGrant(config, callback, checks)).claims()!.sub).toBe(userId);
  });

  it('a POST error the client can receive goes back to it, as by GET', async () => {
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      state: 'st',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'plain',
    });
    const { endpoint, form } = asForm(url);
    const agent = new UserAgent(running.url);
    const callback = (await agent.follow(await agent.post(endpoint, form))) as URL;
    expect(Object.fromEntries(callback.searchParams)).toMatchObject({ error: 'invalid_request', state: 'st', iss: issuer });
  });

  it('a POST body that is not a form, holds a NUL character or is too large is invalid_request, as JSON to an API client', async () => {
    const post = (body: string, headers: Record<string, string> = FORM) => fetch(`${issuer}/authorize`, { method: 'POST', redirect: 'manual', headers, body });
    const { form } = asForm((await authorizationRequest(config, REDIRECT)).url);
    const answers = [
      await post(JSON.stringify(form), { 'content-type': 'application/json' }),
      await post(`${new URLSearchParams(form).toString()}&state=a%00b`),
      await post(`${new URLSearchParams(form).toString()}&state=${'a'.repeat(60 * 1024)}`),
    ];
    const descriptions: string[] = [];
    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as { error: string; error_description: string };
      expect(body).toEqual(oauthError('invalid_request'));
      descriptions.push(body.error_description);
    }
    expect(descriptions).toEqual([
      'only application/x-www-form-urlencoded content-type bodies are supported on POST /authorize',
      'A request parameter contains a NUL character.',
      'failed to parse the request body',
    ]);
  });

  it('POST end-session: the confirmation page, then back to the client with its state; the session is over', async () => {
    const before = await sessionIds();
    const { agent, tokens } = await signedIn();
    const ours = [...(await sessionIds())].filter((id) => !before.has(id));
    expect(ours).toHaveLength(1);
    // Posted as from the client's page (no Sec-Fetch-Site here): sent on to the GET, which sees the session.
    const confirm = (await agent.follow(
      await agent.post(`${issuer}/end-session`, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: SIGNED_OUT, state: 'bye' }),
    )) as Response;
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('Sign out?');
    const action = formOf(html).action;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
    const done = (await agent.follow(await agent.post(action, { xsrf, logout: 'yes' }))) as URL;
    expect(`${done.origin}${done.pathname}`).toBe(SIGNED_OUT);
    expect(done.searchParams.get('state')).toBe('bye');

    const silent = await authorizationRequest(config, REDIRECT, { prompt: 'none' });
    expect(((await agent.follow(await agent.get(silent.url))) as URL).searchParams.get('error')).toBe('login_required');
    expect(await sessionIds()).not.toContain(ours[0]);
  });

  it('POST end-session another site started goes on as the GET request, which sees the session', async () => {
    const { agent, tokens } = await signedIn();
    const params = { id_token_hint: tokens.id_token!, post_logout_redirect_uri: SIGNED_OUT, state: 'bye' };
    const posted = await agent.fetch(`${issuer}/end-session`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...FORM, 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams(params).toString(),
    });
    expect(posted.status).toBe(303);
    expect(Object.fromEntries(new URL(posted.headers.get('location')!).searchParams)).toEqual(params);
    const page = (await agent.follow(posted)) as Response;
    expect(await page.text()).toContain('Sign out?');
  });

  describe('an error that cannot be sent back to the client', () => {
    const unknownClient = () => new URLSearchParams({ client_id: 'nobody', response_type: 'code', scope: 'openid', redirect_uri: REDIRECT, state: 'st' });
    const unregisteredRedirect = () =>
      asForm(oidc.buildAuthorizationUrl(config, { redirect_uri: 'https://evil.example.com/cb', scope: 'openid', state: 'st' })).form;

    const requests = () => ({
      'GET, unknown client': (headers: Record<string, string>) => fetch(`${issuer}/authorize?${unknownClient().toString()}`, { redirect: 'manual', headers }),
      'POST, unknown client': (headers: Record<string, string>) =>
        fetch(`${issuer}/authorize`, {
          method: 'POST',
          redirect: 'manual',
          headers: { ...FORM, ...SAME_ORIGIN, ...headers },
          body: unknownClient().toString(),
        }),
      'GET, unregistered redirect_uri': (headers: Record<string, string>) =>
        fetch(`${issuer}/authorize?${new URLSearchParams(unregisteredRedirect()).toString()}`, { redirect: 'manual', headers }),
      'POST, unregistered redirect_uri': (headers: Record<string, string>) =>
        fetch(`${issuer}/authorize`, {
          method: 'POST',
          redirect: 'manual',
          headers: { ...FORM, ...SAME_ORIGIN, ...headers },
          body: new URLSearchParams(unregisteredRedirect()).toString(),
        }),
    });
    const ERRORS: Record<string, string> = {
      'GET, unknown client': 'invalid_client',
      'POST, unknown client': 'invalid_client',
      'GET, unregistered redirect_uri': 'invalid_redirect_uri',
      'POST, unregistered redirect_uri': 'invalid_redirect_uri',
    };

    it('a browser gets a page in the tenant look naming the error, with the pages’ security headers and no redirect', async () => {
      for (const [name, send] of Object.entries(requests())) {
        const res = await send(BROWSER);
        expect({ name, status: res.status, location: res.headers.get('location') }).toEqual({ name, status: 400, location: null });
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('cache-control')).toBe('no-store');
        const html = await res.text();
        expect(html).toContain('<title>Cannot sign you in · Acme Corp</title>');
        expect(html).toContain('--accent: #0a7d4f');
        expect(html).toContain(`<code>${ERRORS[name]}</code>`);
        expect(html).toContain(`Reference: ${res.headers.get('x-request-id')}`);
        expect(html).not.toMatch(/evil\.example\.com|\bat .*\.js:\d+/);
      }
    });

    it('an API client gets OAuthError JSON', async () => {
      for (const accept of [{}, { accept: 'application/json' }, { accept: '*/*' }] as Record<string, string>[]) {
        for (const [name, send] of Object.entries(requests())) {
          const res = await send(accept);
          expect({ name, status: res.status, location: res.headers.get('location') }).toEqual({ name, status: 400, location: null });
          expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
          expect(await res.json()).toEqual(oauthError(ERRORS[name]));
        }
      }
    });

    it('end-session: an unregistered post_logout_redirect_uri is a page for a browser, JSON for others', async () => {
      const { tokens } = await signedIn();
      const params = new URLSearchParams({ id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'https://evil.example.com/out' });
      const page = await fetch(`${issuer}/end-session`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...FORM, ...SAME_ORIGIN, ...BROWSER },
        body: params.toString(),
      });
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain('<title>Cannot sign you out · Acme Corp</title>');
      expect(html).toContain('<code>invalid_request</code>: post_logout_redirect_uri not registered');
      const json = await fetch(`${issuer}/end-session?${params.toString()}`, { redirect: 'manual' });
      expect(json.status).toBe(400);
      expect(await json.json()).toEqual({ error: 'invalid_request', error_description: 'post_logout_redirect_uri not registered' });
    });
  });

  it('a POST whose browser does not say it came from this site goes on as the GET request, so it sees the session whatever the browser', async () => {
    const { form } = asForm((await authorizationRequest(config, REDIRECT, { prompt: 'none' })).url);
    const { agent } = await signedIn();
    const posted = await agent.post(`${issuer}/authorize`, form);
    expect(posted.status).toBe(303);
    expect(new URL(posted.headers.get('location')!).searchParams.get('prompt')).toBe('none');
    expect(((await agent.follow(posted)) as URL).searchParams.get('code')).toEqual(expect.any(String));
  });

  it('a POST served as the GET request is counted as a POST', async () => {
    const count = async (method: string) => {
      const metrics = await (await fetch(`${running.url}/metrics`)).text();
      const line = metrics
        .split('\n')
        .find((sample) => sample.startsWith(`http_requests_total{method="${method}",route="/:issuer_id/authorize",status="303"}`));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const before = { post: await count('POST'), get: await count('GET') };
    const { form } = asForm((await authorizationRequest(config, REDIRECT)).url);
    const res = await fetch(`${issuer}/authorize`, { method: 'POST', redirect: 'manual', headers: FORM, body: new URLSearchParams(form).toString() });
    expect(res.status).toBe(303);
    expect({ post: await count('POST'), get: await count('GET') }).toEqual({ post: before.post + 1, get: before.get });
  });
});

describe('rate limit on authorization by POST', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp({ RATE_LIMIT_PROTOCOL_PER_MINUTE: '10' });
  });
  afterAll(() => running.close());

  it('POSTs spend the protocol budget GETs do, and meet the same 429', async () => {
    const { issuer } = await createTenant(running.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${issuer}/authorize`, { method: 'POST', redirect: 'manual', headers: { ...FORM, ...SAME_ORIGIN }, body: 'client_id=nobody' });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await res.json()).toEqual(oauthError('too_many_requests'));
      } else await res.arrayBuffer();
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429, 429]);
    expect((await fetch(`${issuer}/authorize?client_id=nobody`, { redirect: 'manual' })).status).toBe(429);
  });
});
