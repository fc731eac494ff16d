import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { formActionEndingWith, formOf, UserAgent } from '../helpers/browserless.js';
import { fakeServer, rsaKeys, sendJson } from '../helpers/fake-issuer.js';
import { ADA, downstreamRequest, federation, pressConnection, signInUpstream, type Federation } from '../helpers/federation.js';
import { createTenant, oidc } from '../helpers/rp.js';

const PRIVATE = { PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'true' };

/** The page `res` shows (its status and HTML); fails when it is a redirect out of Portcullis. */
async function pageOf(res: Response | URL): Promise<{ status: number; html: string }> {
  if (res instanceof URL) throw new Error(`expected a page, went to ${res.href}`);
  return { status: res.status, html: await res.text() };
}

/** Follows redirects from `res` until one whose location `stop` accepts (returned, not followed), or a page. */
async function followUntil(agent: UserAgent, res: Response, stop: (location: URL) => boolean): Promise<URL | Response> {
  for (let hops = 0; hops < 10; hops++) {
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return res;
    const next = new URL(location, res.url);
    if (stop(next)) return next;
    res = await agent.get(next);
  }
  throw new Error('too many redirects');
}

/**
 * Federated sign-in over HTTP, without a browser (the pages are in test/browser/federation):
 * the downstream tenant's relying party is openid-client, the upstream another tenant of
 * Portcullis (or another Portcullis process), the user agent a cookie jar.
 */
describe('federated sign-in', () => {
  let running: RunningApp;
  let fed: Federation;
  const api = () => adminApi(running.url);

  beforeAll(async () => {
    running = await startApp(PRIVATE);
    fed = await federation(running.url);
  });
  afterAll(async () => {
    await running?.close();
  });

  /** A browser at the downstream sign-in page of a fresh request; the page's HTML and the request's checks. */
  async function atSignIn(f: Federation = fed, params: Record<string, string> = {}) {
    const agent = new UserAgent(running.url);
    const { url, checks } = await downstreamRequest(f.rp, params);
    const start = await agent.follow(await agent.get(url));
    return { agent, checks, start };
  }

  /** The whole button flow to the relying party: its ID token claims and its tokens. */
  async function signInWithButton(f: Federation = fed, user = ADA, params: Record<string, string> = {}) {
    const { agent, checks, start } = await atSignIn(f, params);
    const { html } = await pageOf(start);
    const upstreamPage = await pressConnection(agent, html);
    const back = await signInUpstream(agent, upstreamPage as Response, user);
    if (!(back instanceof URL)) throw new Error(`expected the relying party's callback, got ${back.status}: ${(await back.text()).slice(0, 300)}`);
    const tokens = await oidc.authorizationCodeGrant(f.rp, back, checks);
    return { agent, tokens, claims: tokens.claims()! };
  }

  it('signs in with the connection’s button: a new account, linked, with fed in amr and the mapped claims', async () => {
    const { agent, start } = await atSignIn();
    const { status, html } = await pageOf(start);
    expect(status).toBe(200);
    expect(html).toContain('Sign in with Acme');
    const upstreamPage = await pressConnection(agent, html);
    // The upstream's own sign-in page: its issuer, not the downstream's.
    expect((upstreamPage as Response).url).toContain(`/${fed.upstream.issuerId}/interaction/`);
    const back = await signInUpstream(agent, upstreamPage as Response);
    expect(back).toBeInstanceOf(URL);

    const { claims, tokens } = await signInWithButton();
    expect(claims.iss).toBe(fed.downstream.issuer);
    expect(claims.amr).toContain('fed');
    expect(claims.acr).toBe('urn:portcullis:acr:password');
    const info = await oidc.fetchUserInfo(fed.rp, tokens.access_token, claims.sub);
    expect(info).toMatchObject({ email: ADA.email, email_verified: true, name: ADA.name });

    const links = await api().get(`/v1/tenants/${fed.downstream.issuerId}/users/${claims.sub}/links`);
    expect(links.status).toBe(200);
    expect(links.body.items).toMatchObject([{ connection_id: fed.connection.connection_id, email: ADA.email }]);
    const audit = await api().get(`/v1/tenants/${fed.downstream.issuerId}/audit-events?action=login.federated&resource_type=user&resource_id=${claims.sub}`);
    expect(audit.body.items.map((event: any) => event.after)).toContainEqual(expect.objectContaining({ connection_id: fed.connection.connection_id }));
  });

  it('finds the same account at the next sign-in, with the claims the upstream has now', async () => {
    const first = await signInWithButton();
    const upstreamUser = (await adminApi(running.url).get(`/v1/tenants/${fed.upstream.issuerId}/users?username=${ADA.username}`)).body.items[0];
    await api().patch(`/v1/tenants/${fed.upstream.issuerId}/users/${upstreamUser.user_id}`, { name: 'Ada King' });
    const second = await signInWithButton();
    expect(second.claims.sub).toBe(first.claims.sub);
    expect(await oidc.fetchUserInfo(fed.rp, second.tokens.access_token, second.claims.sub)).toMatchObject({ name: 'Ada King' });
    await api().patch(`/v1/tenants/${fed.upstream.issuerId}/users/${upstreamUser.user_id}`, { name: ADA.name });
  });

  it('sends an email of a connection’s domain there without asking for a password (home-realm discovery)', async () => {
    const { agent, start } = await atSignIn();
    const form = formOf((await pageOf(start)).html);
    const res = await agent.post(form.action, { _csrf: form.csrf, username: 'ada@ACME.test', password: '' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${fed.upstream.issuer}/authorize\\?`));
    expect(new URL(res.headers.get('location')!).searchParams.get('login_hint')).toBe('ada@ACME.test');
    // Another domain is no one's: the password form answers as ever.
    const other = await agent.post(form.action, { _csrf: form.csrf, username: 'ada@elsewhere.test', password: 'x' });
    expect(other.status).toBe(401);
  });

  it('routes by login_hint and by idp_hint, and shows the page for a hint that names nothing', async () => {
    for (const params of [{ login_hint: 'grace@acme.test' }, { idp_hint: 'acme' }] as Array<Record<string, string>>) {
      const agent = new UserAgent(running.url);
      const { url } = await downstreamRequest(fed.rp, params);
      const res = await followUntil(agent, await agent.get(url), (location) => location.href.startsWith(`${fed.upstream.issuer}/auth`));
      expect(res).toBeInstanceOf(URL);
    }
    const { start } = await atSignIn(fed, { idp_hint: 'nobody' });
    expect((await pageOf(start)).html).toContain('name="password"');
  });

  it('links to the local account with the verified email only when the tenant allows it and the upstream asserts it', async () => {
    const linking = await federation(running.url, { downstream: { sign_in_policy: { link_verified_email: true } } });
    const local = await api().post(`/v1/tenants/${linking.downstream.issuerId}/users`, {
      username: 'ada.local',
      email: ADA.email,
      email_verified: true,
      password: ADA.password,
    });
    expect((await signInWithButton(linking)).claims.sub).toBe(local.body.user_id);

    // A local account whose email is not verified here is not linked to, whatever the upstream says.
    const unproven = await federation(running.url, { downstream: { sign_in_policy: { link_verified_email: true } } });
    const unprovenLocal = await api().post(`/v1/tenants/${unproven.downstream.issuerId}/users`, {
      username: 'ada.local',
      email: ADA.email,
      password: ADA.password,
    });
    expect((await signInWithButton(unproven)).claims.sub).not.toBe(unprovenLocal.body.user_id);

    // The tenant does not allow it: a new account, though the email is the same and verified.
    const notLinking = await federation(running.url);
    const other = await api().post(`/v1/tenants/${notLinking.downstream.issuerId}/users`, {
      username: 'ada.local',
      email: ADA.email,
      email_verified: true,
      password: ADA.password,
    });
    expect((await signInWithButton(notLinking)).claims.sub).not.toBe(other.body.user_id);

    // The upstream does not say the email is verified: a new account.
    const unverified = await federation(running.url, { downstream: { sign_in_policy: { link_verified_email: true } }, user: { email_verified: false } });
    const third = await api().post(`/v1/tenants/${unverified.downstream.issuerId}/users`, {
      username: 'ada.local',
      email: ADA.email,
      email_verified: true,
      password: ADA.password,
    });
    expect((await signInWithButton(unverified)).claims.sub).not.toBe(third.body.user_id);
  });

  it('maps the upstream acr to a level: the relying party’s acr_values are met through the upstream', async () => {
    const mapped = await federation(running.url, { connection: { acr_mapping: { 'urn:portcullis:acr:password': 'urn:portcullis:acr:mfa' } } });
    const { claims } = await signInWithButton(mapped, ADA, { acr_values: 'urn:portcullis:acr:mfa' });
    expect(claims.acr).toBe('urn:portcullis:acr:mfa');
    expect(claims.amr).toEqual(['fed']);
  });

  it('shows a clear page when the person says no at the upstream, and the relying party gets nothing', async () => {
    const { agent, start } = await atSignIn();
    const upstreamPage = (await pressConnection(agent, (await pageOf(start)).html)) as Response;
    const html = await upstreamPage.text();
    const form = formOf(html);
    const consent = await agent.follow(await agent.post(form.action, { _csrf: form.csrf, username: ADA.username, password: ADA.password }));
    const consentForm = formOf(await (consent as Response).text());
    const back = await pageOf(await agent.follow(await agent.post(consentForm.abort!, { _csrf: consentForm.csrf })));
    expect(back.status).toBe(400);
    expect(back.html).toContain('Signing in with Acme did not complete (access denied).');
    expect(back.html).toContain('name="password"');
  });

  it('refuses a callback replayed, taken to another browser, or sent to another tenant', async () => {
    const toCallback = (location: URL) => location.pathname.startsWith(`/${fed.downstream.issuerId}/federation/`);
    const begin = async () => {
      const { agent, checks, start } = await atSignIn();
      const upstreamPage = (await pressConnection(agent, (await pageOf(start)).html)) as Response;
      const form = formOf(await upstreamPage.text());
      let res = await agent.post(form.action, { _csrf: form.csrf, username: ADA.username, password: ADA.password });
      let step = await followUntil(agent, res, toCallback);
      if (!(step instanceof URL)) {
        const consent = formOf(await step.text());
        res = await agent.post(consent.action, { _csrf: consent.csrf });
        step = await followUntil(agent, res, toCallback);
      }
      return { agent, checks, callback: step as URL };
    };

    // Another browser with A's callback: its state names A's interaction, whose cookie B does not have.
    const a = await begin();
    const thief = new UserAgent(running.url);
    const stolen = await pageOf(await thief.follow(await thief.get(a.callback)));
    expect(stolen.status).toBe(400);
    expect(stolen.html).toContain('Sign-in expired');
    // The state was spent by the attempt: A's own browser cannot use it after.
    expect((await pageOf(await a.agent.follow(await a.agent.get(a.callback)))).status).toBe(400);

    // Used once by its browser, then replayed: nothing.
    const b = await begin();
    expect(await b.agent.authorize(await b.agent.get(b.callback))).toBeInstanceOf(URL);
    const replayed = await pageOf(await b.agent.follow(await b.agent.get(b.callback)));
    expect(replayed.status).toBe(400);

    // A state of this tenant's connection at another tenant's callback completes nothing there.
    const other = await federation(running.url);
    const c = await begin();
    const elsewhere = new URL(c.callback);
    elsewhere.pathname = `/${other.downstream.issuerId}/federation/acme/callback`;
    expect((await pageOf(await c.agent.follow(await c.agent.get(elsewhere)))).status).toBe(400);
    // Nor at another connection's callback of the same tenant.
    const renamed = new URL(c.callback);
    renamed.pathname = `/${fed.downstream.issuerId}/federation/other/callback`;
    expect((await pageOf(await c.agent.follow(await c.agent.get(renamed)))).status).toBe(400);
  });

  it('completes only the latest start of an interaction: the state of a start pressed over is spent', async () => {
    const { agent, start } = await atSignIn();
    const page = start as Response;
    const html = await page.text();
    const toUpstream = (location: URL) => location.href.startsWith(`${fed.upstream.issuer}/authorize`);
    const first = (await followUntil(
      agent,
      await agent.post(formActionEndingWith(html, '/federate')!, { _csrf: formOf(html).csrf, connection: 'acme' }),
      toUpstream,
    )) as URL;
    const again = await (await agent.get(page.url)).text();
    const second = (await followUntil(
      agent,
      await agent.post(formActionEndingWith(again, '/federate')!, { _csrf: formOf(again).csrf, connection: 'acme' }),
      toUpstream,
    )) as URL;
    expect(second.searchParams.get('state')).not.toBe(first.searchParams.get('state'));
    const stale = new URL(first.searchParams.get('redirect_uri')!);
    stale.search = new URLSearchParams({ code: 'whatever', state: first.searchParams.get('state')! }).toString();
    const refused = await pageOf(await agent.follow(await agent.get(stale)));
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('This sign-in was already used or has expired.');
    // Straight to the interaction, with a state as long as the real one in characters but not in bytes.
    const interaction = new URL(page.url);
    interaction.pathname += '/federation';
    const latest = second.searchParams.get('state')!;
    interaction.search = new URLSearchParams({ state: `é${latest.slice(1)}` }).toString();
    const odd = await pageOf(await agent.get(interaction));
    expect(odd.status).toBe(400);
    expect(odd.html).toContain('This sign-in was already used or has expired.');
  });

  it('answers a malformed callback with a page, never a 500', async () => {
    const base = `/${fed.downstream.issuerId}/federation/acme/callback`;
    for (const query of ['', '?state=%00', `?state=${'a'.repeat(5000)}`, '?state=x&code=%00&iss=%FF', '?error=access_denied']) {
      const res = await fetch(`${running.url}${base}${query}`, { redirect: 'manual' });
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    expect((await fetch(`${running.url}/no-such-tenant/federation/acme/callback?state=x`)).status).toBe(404);
  });

  it('is the only way in for its domains when exclusive: a local password of that domain is refused', async () => {
    const exclusive = await federation(running.url, { connection: { exclusive: true } });
    await api().post(`/v1/tenants/${exclusive.downstream.issuerId}/users`, { username: 'localada', email: ADA.email, password: ADA.password });
    const { agent, start } = await atSignIn(exclusive);
    const form = formOf((await pageOf(start)).html);
    const refused = await pageOf(await agent.post(form.action, { _csrf: form.csrf, username: 'localada', password: ADA.password }));
    expect(refused.status).toBe(401);
    expect(refused.html).toContain('Sign in with Acme.');

    // Not exclusive: the same local user signs in with the password.
    const open = await federation(running.url);
    await api().post(`/v1/tenants/${open.downstream.issuerId}/users`, { username: 'localada', email: ADA.email, password: ADA.password });
    const second = await atSignIn(open);
    const form2 = formOf((await pageOf(second.start)).html);
    expect(
      await second.agent.authorize(await second.agent.post(form2.action, { _csrf: form2.csrf, username: 'localada', password: ADA.password })),
    ).toBeInstanceOf(URL);
  });

  it('ends the sessions of the connection’s users when it is deleted', async () => {
    const doomed = await federation(running.url);
    const { agent, claims } = await signInWithButton(doomed);
    // Signed in: a silent request succeeds.
    const silent = async () => {
      const { url } = await downstreamRequest(doomed.rp, { prompt: 'none' });
      return (await agent.follow(await agent.get(url))) as URL;
    };
    expect((await silent()).searchParams.get('code')).toBeTruthy();
    expect((await api().delete(`/v1/tenants/${doomed.downstream.issuerId}/connections/${doomed.connection.connection_id}`)).status).toBe(204);
    expect((await silent()).searchParams.get('error')).toBe('login_required');
    expect((await api().get(`/v1/tenants/${doomed.downstream.issuerId}/users/${claims.sub}/links`)).body.items).toEqual([]);

    // Connected again under the same name: the upstream's user gets an account of its own again
    // (the old one, without its link, keeps its username: the new one is told apart).
    const again = await api().post(`/v1/tenants/${doomed.downstream.issuerId}/connections`, {
      name: 'acme',
      display_name: 'Acme',
      issuer: doomed.upstream.issuer,
      client_id: doomed.upstream.clientId,
      client_secret: doomed.upstream.clientSecret,
    });
    expect(again.status).toBe(201);
    const back = await signInWithButton(doomed);
    expect(back.claims.sub).not.toBe(claims.sub);
    expect(back.claims.amr).toContain('fed');
  });

  it('forgets the links and ends the sessions when the connection’s issuer changes: the new upstream’s subjects are other people', async () => {
    const moved = await federation(running.url);
    const { agent, claims } = await signInWithButton(moved);
    const silent = async () => {
      const { url } = await downstreamRequest(moved.rp, { prompt: 'none' });
      return (await agent.follow(await agent.get(url))) as URL;
    };
    const elsewhere = await createTenant(running.url, { display_name: 'New IdP' });
    const patched = await api().patch(`/v1/tenants/${moved.downstream.issuerId}/connections/${moved.connection.connection_id}`, { issuer: elsewhere.issuer });
    expect(patched.status).toBe(200);
    expect((await silent()).searchParams.get('error')).toBe('login_required');
    expect((await api().get(`/v1/tenants/${moved.downstream.issuerId}/users/${claims.sub}/links`)).body.items).toEqual([]);
    const audit = await api().get(`/v1/tenants/${moved.downstream.issuerId}/audit-events?action=user.signed_out&resource_type=user&resource_id=${claims.sub}`);
    expect(audit.body.items[0].after.reason).toBe('connection_issuer_changed');
  });

  it('says so when the upstream cannot be reached, and when its discovery names another issuer', async () => {
    // Another Portcullis process as the upstream, stopped after the connection is made.
    const second = await startApp(PRIVATE);
    const gone = await federation(running.url, { upstreamUrl: second.url });
    await second.close();
    const { agent, start } = await atSignIn(gone);
    const page = await pageOf(await pressConnection(agent, (await pageOf(start)).html));
    expect(page.status).toBe(502);
    expect(page.html).toContain('Acme cannot be reached right now.');

    // An upstream whose discovery document names another issuer than the connection's, after the connection was made.
    let issuerClaim = '';
    const keys = rsaKeys();
    const fake = await fakeServer((req, res, server) => {
      if (req.url === '/.well-known/openid-configuration')
        return sendJson(res, {
          issuer: issuerClaim || server.url,
          authorization_endpoint: `${server.url}/auth`,
          token_endpoint: `${server.url}/token`,
          jwks_uri: `${server.url}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        });
      if (req.url === '/jwks') return sendJson(res, { keys: [keys.public] });
      sendJson(res, {}, 404);
    });
    try {
      const target = await federation(running.url);
      const made = await api().post(`/v1/tenants/${target.downstream.issuerId}/connections`, {
        name: 'fake',
        display_name: 'Fake',
        issuer: fake.url,
        client_id: 'c',
        client_secret: 's',
      });
      expect(made.status).toBe(201);
      issuerClaim = 'https://evil.example.com';
      const { agent: agent2, start: start2 } = await atSignIn(target);
      const refused = await pageOf(await pressConnection(agent2, (await pageOf(start2)).html, 'fake'));
      expect(refused.status).toBe(502);
      expect(refused.html).toContain('Fake cannot be reached right now.');
    } finally {
      await fake.close();
    }
  });
});
