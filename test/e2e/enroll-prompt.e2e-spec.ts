import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { query } from '../helpers/db.js';
import { Authenticator } from '../helpers/authenticator.js';
import { formActionEndingWith, formOf, UserAgent } from '../helpers/browserless.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from '../helpers/rp.js';
import { inject } from 'vitest';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'erin', password: 'correct horse battery staple' };

/** The form of the page that posts to `suffix`, with the page's CSRF token. */
const formTo = (html: string, suffix: string) => ({ action: formActionEndingWith(html, suffix)!, csrf: formOf(html).csrf });

/** `prompt=enroll`: a relying party sends a signed-in user to add a factor after sign-in (as Keycloak's application-initiated actions). */
describe('the enroll prompt', () => {
  let running: RunningApp;
  let issuerId: string;
  let userId: string;
  let config: oidc.Configuration;

  beforeAll(async () => {
    running = await startApp();
    let issuer: string;
    ({ issuerId, issuer } = await createTenant(running.url, { display_name: 'Enroll Corp' }));
    userId = (await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, USER)).body.user_id;
    const client = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    config = await discover(issuer, client.clientId, oidc.None());
  });
  afterAll(() => running.close());

  const factors = async () => (await adminApi(running.url).get(`/v1/tenants/${issuerId}/users/${userId}/factors`)).body.items as Array<{ kind: string }>;

  /** A browser signed in with the password (and consented). */
  async function signedIn(): Promise<UserAgent> {
    const agent = new UserAgent(running.url);
    const { url, checks } = await authorizationRequest(config, REDIRECT);
    await oidc.authorizationCodeGrant(config, await agent.authorize(url, USER), checks);
    return agent;
  }

  it('offers enrollment to the signed-in user without asking for the password; the new factor signs in next time', async () => {
    const agent = await signedIn();
    const { url, checks } = await authorizationRequest(config, REDIRECT, { prompt: 'enroll' });
    const page = (await agent.follow(await agent.get(url))) as Response;
    const html = await page.text();
    expect(html).toContain('Set up two-step verification');
    expect(html).not.toContain('name="password"');
    expect(html).toContain('Not now');
    const app = new Authenticator(/<span class="secret">([^<]+)<\/span>/.exec(html)![1]);
    const enroll = formTo(html, '/enroll/totp');
    const codes = (await agent.follow(await agent.post(enroll.action, { _csrf: enroll.csrf, code: app.code() }))) as Response;
    const codesHtml = await codes.text();
    expect(codesHtml).toContain('Save your recovery codes');
    const next = formTo(codesHtml, '/continue');
    const callback = await agent.follow(await agent.post(next.action, { _csrf: next.csrf }));
    expect(callback).toBeInstanceOf(URL);
    const tokens = await oidc.authorizationCodeGrant(config, callback as URL, checks);
    // Adding a factor after the sign-in does not make that sign-in stronger.
    expect(tokens.claims()).toMatchObject({ acr: 'urn:portcullis:acr:password', amr: ['pwd'] });
    expect((await factors()).map((factor) => factor.kind).sort()).toEqual(['recovery_codes', 'totp']);
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users/${userId}/factors/reset`, {});
  });

  it('"Not now" goes back to the client and adds nothing', async () => {
    const agent = await signedIn();
    const { url } = await authorizationRequest(config, REDIRECT, { prompt: 'enroll' });
    const html = await ((await agent.follow(await agent.get(url))) as Response).text();
    const skip = formTo(html, '/enroll/skip');
    expect(await agent.follow(await agent.post(skip.action, { _csrf: skip.csrf }))).toBeInstanceOf(URL);
    expect(await factors()).toEqual([]);
  });

  it('asks for the password again when the sign-in is older than five minutes', async () => {
    const agent = await signedIn();
    await query(
      inject('databaseUrl'),
      `UPDATE oidc_payloads SET payload = jsonb_set(payload, '{loginTs}', to_jsonb(extract(epoch FROM now())::int - 301)) WHERE tenant_id = $1 AND kind = 'Session'`,
      [issuerId],
    );
    const { url } = await authorizationRequest(config, REDIRECT, { prompt: 'enroll' });
    const html = await ((await agent.follow(await agent.get(url))) as Response).text();
    expect(html).toContain('name="password"');
  });

  it('is advertised in prompt_values_supported', async () => {
    const metadata = (await (await fetch(`${running.config.publicUrl}/${issuerId}/.well-known/openid-configuration`)).json()) as {
      prompt_values_supported: string[];
    };
    expect(metadata.prompt_values_supported).toContain('enroll');
  });
});
