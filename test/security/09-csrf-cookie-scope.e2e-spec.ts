import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { formOf, UserAgent } from '../helpers/browserless.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'robin', password: 'the right passphrase' };

describe('finding 9: one CSRF cookie for all tenants', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running?.close());

  /** A tenant with USER and a client: the URL that starts a sign-in there. */
  async function tenant(): Promise<{ issuerId: string; authorizationUrl: () => Promise<URL> }> {
    const { issuerId, issuer } = await createTenant(running.url);
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, USER);
    const client = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    const config = await discover(issuer, client.clientId, oidc.None());
    const authorizationUrl = async () =>
      oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT,
        scope: 'openid',
        code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
        code_challenge_method: 'S256',
      });
    return { issuerId, authorizationUrl };
  }

  it("opening tenant B's sign-in page leaves tenant A's open sign-in form working; each cookie is pathed to its issuer", async () => {
    const [a, b] = [await tenant(), await tenant()];
    const browser = new UserAgent(running.url);

    const pageA = (await browser.follow(await browser.get(await a.authorizationUrl()))) as Response;
    const formA = formOf(await pageA.text());
    const pageB = (await browser.follow(await browser.get(await b.authorizationUrl()))) as Response;
    const formB = formOf(await pageB.text());

    const signedInA = await browser.post(formA.action, { _csrf: formA.csrf, ...USER });
    expect(signedInA.status).toBe(303);
    expect(new URL(signedInA.headers.get('location')!, running.url).pathname).toMatch(new RegExp(`^/${a.issuerId}/authorize/`));
    const signedInB = await browser.post(formB.action, { _csrf: formB.csrf, ...USER });
    expect(signedInB.status).toBe(303);
    expect(pageA.headers.get('set-cookie')).toMatch(new RegExp(`portcullis\\.csrf=[^;]+; Path=/${a.issuerId}/interaction/;`));
    expect(pageB.headers.get('set-cookie')).toMatch(new RegExp(`portcullis\\.csrf=[^;]+; Path=/${b.issuerId}/interaction/;`));
  });
});
