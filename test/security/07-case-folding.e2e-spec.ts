import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createClient, createTenant, discover, oidc, openSignInPage } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const PASSWORD = 'the right passphrase';

describe('finding 7: case folding differs between the throttle and the lookup', () => {
  let running: RunningApp;
  let config: oidc.Configuration;

  beforeAll(async () => {
    running = await startApp({ LOGIN_MAX_FAILURES_PER_USER: '3' });
    const { issuerId, issuer } = await createTenant(running.url);
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, { username: 'timing2', password: PASSWORD });
    const client = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    config = await discover(issuer, client.clientId, oidc.None());
  });
  afterAll(() => running?.close());

  /** One sign-in at a fresh sign-in page: the answer's status (303 = signed in, on to the client). */
  async function signIn(username: string, password: string, rp = config): Promise<number> {
    const { agent, form } = await openSignInPage(running.url, rp, REDIRECT);
    return (await agent.post(form.action, { _csrf: form.csrf, username, password })).status;
  }

  it('once timing2 is locked, no spelling of it signs in: ASCII case variants are locked too, Unicode look-alikes (İ U+0130, ı U+0131) are wrong usernames', async () => {
    expect([await signIn('timing2', 'wrong'), await signIn('timing2', 'wrong'), await signIn('timing2', 'wrong')]).toEqual([401, 401, 401]);
    expect(await signIn('timing2', PASSWORD)).toBe(429);

    const spellings = ['TIMING2', 'Timing2', 'tİming2', 'TİMİNG2', 'tımıng2'];
    const answers = Object.fromEntries(await Promise.all(spellings.map(async (spelling) => [spelling, await signIn(spelling, PASSWORD)] as const)));
    expect(answers).toEqual({ TIMING2: 429, Timing2: 429, tİming2: 401, TİMİNG2: 401, tımıng2: 401 });
  });

  it('a user who is not locked still signs in whatever the case of the name', async () => {
    const { issuerId, issuer } = await createTenant(running.url);
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, { username: 'Mixed.Case', password: PASSWORD });
    const client = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    expect(await signIn('mixed.CASE', PASSWORD, await discover(issuer, client.clientId, oidc.None()))).toBe(303);
  });
});
