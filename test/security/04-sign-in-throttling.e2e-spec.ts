import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { adminApi, oauthError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { formOf } from '../helpers/browserless.js';
import { createDatabase, dropDatabase, query } from '../helpers/db.js';
import { createClient, createTenant, discover, oidc, openSignInPage } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';

describe('finding 4: sign-in routes unthrottled; throttle keys of any length', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** The app on a database of its own, counting in PostgreSQL, so its rate-limit rows are the test's alone. */
  async function start(env: Record<string, string>): Promise<{ running: RunningApp; databaseUrl: string }> {
    const databaseUrl = await createDatabase('portcullis_sec04');
    cleanups.push(() => dropDatabase(databaseUrl));
    const running = await startApp({ DATABASE_URL: databaseUrl, RATE_LIMIT_STORE: 'postgres', ...env });
    cleanups.push(() => running.close());
    return { running, databaseUrl };
  }

  /** A browser at the sign-in page of a new tenant; `signIn` posts the form as the page last rendered it. */
  async function signInPage(running: RunningApp) {
    const { issuerId, issuer } = await createTenant(running.url);
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, { username: 'timing', password: 'the right passphrase' });
    const client = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    const config = await discover(issuer, client.clientId, oidc.None());
    const page = await openSignInPage(running.url, config, REDIRECT);
    const agent = page.agent;
    let form = page.form;
    const signIn = async (username: string, password = 'a wrong passphrase') => {
      const res = await agent.post(form.action, { _csrf: form.csrf, username, password });
      if (res.headers.get('content-type')?.startsWith('text/html')) form = formOf(await res.clone().text());
      return res;
    };
    return { issuerId, signIn, agent };
  }

  const userBuckets = async (databaseUrl: string, issuerId: string) =>
    (await query<{ key: string }>(databaseUrl, `SELECT key FROM rate_limits WHERE key LIKE $1 ORDER BY key`, [`login-user:${issuerId}:%`])).map(
      ({ key }) => key,
    );

  it('sign-in posts beyond the public protocol budget get 429 too_many_requests with Retry-After', async () => {
    // Ten requests a minute: the authorization request and the sign-in page take two.
    const { running } = await start({ RATE_LIMIT_PROTOCOL_PER_MINUTE: '10', LOGIN_MAX_FAILURES_PER_USER: '1000', LOGIN_MAX_FAILURES_PER_IP: '1000' });
    const { signIn } = await signInPage(running);
    const answers: Response[] = [];
    for (let attempt = 0; attempt < 12; attempt++) answers.push(await signIn('timing'));
    expect(answers.map((res) => res.status)).toEqual([...Array(8).fill(401), ...Array(4).fill(429)]);
    const limited = answers.at(-1)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual(oauthError('too_many_requests'));
  });

  it('one client of one issuer has one protocol budget, however the issuer_id in a sign-in URL is encoded, across gateway and sign-in routes', async () => {
    const { running } = await start({ RATE_LIMIT_PROTOCOL_PER_MINUTE: '6' });
    const { issuerId } = await createTenant(running.url);
    const encoded = [...issuerId].map((char) => `%${char.charCodeAt(0).toString(16)}`).join('');
    const status = async (path: string) => {
      const res = await fetch(`${running.url}${path}`, { redirect: 'manual' });
      await res.arrayBuffer();
      return res.status;
    };
    const statuses = [];
    // Three protocol requests through the gateway, three sign-in pages by the encoded name: the budget of six.
    for (let request = 0; request < 3; request++) statuses.push(await status(`/${issuerId}/authorize`));
    for (let request = 0; request < 3; request++) statuses.push(await status(`/${encoded}/interaction/unknown-${request}`));
    expect(statuses.filter((answer) => answer === 429)).toEqual([]);
    expect(await status(`/${issuerId}/interaction/unknown`)).toBe(429);
    expect(await status(`/${encoded}/interaction/unknown`)).toBe(429);
    expect(await status(`/${issuerId}/authorize`)).toBe(429);
  });

  it('a sign-in URL under an issuer_id that is no issuer (however long) answers 404 and makes no rate-limit counter', async () => {
    const { running, databaseUrl } = await start({ RATE_LIMIT_PROTOCOL_PER_MINUTE: '6' });
    const protocolBuckets = async () => (await query<{ key: string }>(databaseUrl, `SELECT key FROM rate_limits WHERE key LIKE 'public-protocol:%'`)).length;
    const before = await protocolBuckets();
    for (const issuerId of [randomBytes(4096).toString('hex'), `no-such-issuer-${randomBytes(6).toString('hex')}`, 'UPPER', 'v1']) {
      const page = await fetch(`${running.url}/${issuerId}/interaction/some-uid`, { redirect: 'manual' });
      expect({ issuerId: issuerId.slice(0, 20), status: page.status }).toEqual({ issuerId: issuerId.slice(0, 20), status: 404 });
      expect(await page.json()).toEqual(oauthError('not_found'));
      // A form post without a CSRF token is refused by that check first, as before.
      const post = await fetch(`${running.url}/${issuerId}/interaction/some-uid/login`, { method: 'POST', redirect: 'manual' });
      expect({ issuerId: issuerId.slice(0, 20), status: post.status }).toEqual({ issuerId: issuerId.slice(0, 20), status: 403 });
      await post.arrayBuffer();
    }
    expect(await protocolBuckets()).toBe(before);
  });

  it('a username longer than the admin API allows (or outside its alphabet) is a failed sign-in that makes no per-user bucket', async () => {
    const { running, databaseUrl } = await start({});
    const { issuerId, signIn } = await signInPage(running);
    for (const username of ['a'.repeat(10_000), 'b'.repeat(129), 'has space', 'tİming']) {
      const res = await signIn(username);
      expect({ username: username.slice(0, 20), status: res.status }).toEqual({ username: username.slice(0, 20), status: 401 });
      expect(await res.text()).toContain('Wrong username or password.');
    }
    expect(await userBuckets(databaseUrl, issuerId)).toEqual([]);
    // A name an account could have gets its bucket, under the one case folding.
    expect((await signIn('No.Body')).status).toBe(401);
    expect(await userBuckets(databaseUrl, issuerId)).toEqual([`login-user:${issuerId}:no.body`]);
  });

  it('correct sign-ins of one user at once are never refused, however many are in flight; real failures still lock', async () => {
    // A budget of two: three or more sign-ins in flight at once spend it before any password is checked.
    const { running } = await start({ LOGIN_MAX_FAILURES_PER_USER: '2' });
    const { issuerId, issuer } = await createTenant(running.url);
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, { username: 'busy', password: 'the right passphrase' });
    const client = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    const config = await discover(issuer, client.clientId, oidc.None());
    /** A browser of its own at a sign-in page of its own: posts the form once. */
    const browser = async () => {
      const { agent, form } = await openSignInPage(running.url, config, REDIRECT);
      return (password: string) => agent.post(form.action, { _csrf: form.csrf, username: 'busy', password });
    };
    const tabs = await Promise.all(Array.from({ length: 8 }, browser));
    const answers = await Promise.all(tabs.map((post) => post('the right passphrase')));
    expect(answers.map((res) => res.status)).toEqual(Array(8).fill(303));
    // A success clears the failures before it: after wrong, right, wrong, a budget held by correct sign-ins in flight is still waited for.
    const more = await Promise.all(Array.from({ length: 9 }, browser));
    const statuses = [];
    for (const [tab, password] of ['wrong one', 'the right passphrase', 'wrong two'].entries()) statuses.push((await more[tab](password)).status);
    expect(statuses).toEqual([401, 303, 401]);
    expect((await Promise.all(more.slice(3, 6).map((post) => post('the right passphrase')))).map((res) => res.status)).toEqual([303, 303, 303]);
    // Two wrong passwords are the budget: then the right one is refused too, for the whole lockout.
    expect([(await more[6]('wrong three')).status, (await more[7]('wrong four')).status]).toEqual([401, 401]);
    const locked = await more[8]('the right passphrase');
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Try again in 15 minutes.');
  });

  it('once the client IP is locked out, sign-ins with new usernames are refused and make no new per-user bucket', async () => {
    const { running, databaseUrl } = await start({ LOGIN_MAX_FAILURES_PER_IP: '3' });
    const { issuerId, signIn } = await signInPage(running);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) statuses.push((await signIn(`guess${attempt}`)).status);
    expect(statuses).toEqual([401, 401, 401, ...Array(7).fill(429)]);
    expect(await userBuckets(databaseUrl, issuerId)).toEqual([0, 1, 2].map((n) => `login-user:${issuerId}:guess${n}`));
    // Locked means locked: the right password does not get through either.
    expect((await signIn('timing', 'the right passphrase')).status).toBe(429);
    expect(await userBuckets(databaseUrl, issuerId)).toHaveLength(3);
  });
});
