import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app.js';
import { UserAgent } from '../helpers/browserless.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';

/**
 * The sign-in page presents the client as it registered itself (OpenID Connect Registration §2;
 * conformance modules oidcc-registration-logo-uri, -policy-uri and -tos-uri judge it on the page).
 */
describe('the client on the sign-in page', () => {
  let running: RunningApp;
  let issuerId: string;
  let issuer: string;

  beforeAll(async () => {
    running = await startApp();
    ({ issuerId, issuer } = await createTenant(running.url, { display_name: 'Acme Corp' }));
  });
  afterAll(() => running.close());

  /** The sign-in page a browser reaches for an authorization request of a client with `metadata`. */
  async function signInPage(metadata: Record<string, unknown>): Promise<string> {
    const client = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], ...metadata });
    const config = await discover(issuer, client.clientId, oidc.ClientSecretBasic(client.clientSecret));
    const agent = new UserAgent(running.url);
    const page = await agent.follow(await agent.get((await authorizationRequest(config, REDIRECT)).url));
    expect(page).toBeInstanceOf(Response);
    return (page as Response).text();
  }

  it('shows its name and logo, and links its privacy policy and terms, escaped, opening apart without a referrer', async () => {
    const html = await signInPage({
      client_name: 'Portal <b>&</b>',
      logo_uri: 'https://rp.example.com/logo.png?size=2&x=1',
      policy_uri: 'https://rp.example.com/privacy',
      tos_uri: 'https://rp.example.com/terms',
    });
    expect(html).toContain('to continue to <strong>Portal &lt;b&gt;&amp;&lt;/b&gt;</strong>');
    expect(html).toContain('<img src="https://rp.example.com/logo.png?size=2&amp;x=1" alt="" referrerpolicy="no-referrer">');
    expect(html).toContain(
      '<a href="https://rp.example.com/privacy" target="_blank" rel="noopener noreferrer">Portal &lt;b&gt;&amp;&lt;/b&gt; privacy policy</a>',
    );
    expect(html).toContain(
      '<a href="https://rp.example.com/terms" target="_blank" rel="noopener noreferrer">Portal &lt;b&gt;&amp;&lt;/b&gt; terms of service</a>',
    );
  });

  it('shows only what it has, and nothing that is not https', async () => {
    const html = await signInPage({ client_name: 'Bare', logo_uri: 'http://rp.example.com/logo.png', tos_uri: 'https://rp.example.com/terms' });
    expect(html).toContain('to continue to <strong>Bare</strong>');
    expect(html).not.toContain('rp.example.com/logo.png');
    expect(html).not.toContain('privacy policy');
    expect(html).toContain('Bare terms of service');
  });
});
