import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { launchBrowser, screenshot, stubRelyingParty } from '../helpers/browser.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const SIGNED_OUT = 'https://rp.example.com/signed-out';
const LOGO = 'https://cdn.example.com/acme.svg';
/** The relying party's own pages, on another site than the issuer; http, as the issuer is here, so the browser posts its forms without a mixed-content warning. */
const RP_PAGE = 'http://rp.example.com/start';
const USER = { username: 'ada', password: 'correct horse battery staple' };

/**
 * In Chromium: a relying party on another site calls the authorization and end-session
 * endpoints by form POST, and a person meets the page for an authorization error that cannot
 * go back to the client.
 */
describe('authorization by POST and error pages, in a browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let issuerId: string;
  let issuer: string;
  let userId: string;
  let config: oidc.Configuration;

  beforeAll(async () => {
    running = await startApp();
    browser = await launchBrowser();
    ({ issuerId, issuer } = await createTenant(running.url, { display_name: 'Acme Corp', brand_color: '#0a7d4f', logo_url: LOGO }));
    userId = (await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, USER)).body.user_id;
    const client = await createClient(running.url, issuerId, {
      client_name: 'Acme Portal',
      redirect_uris: [REDIRECT],
      post_logout_redirect_uris: [SIGNED_OUT],
    });
    config = await discover(issuer, client.clientId, oidc.ClientSecretBasic(client.clientSecret));
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** A page whose requests to other hosts than the issuer are answered by stubs, and recorded. */
  async function newPage(): Promise<{ page: Page; offIssuer: string[] }> {
    const page = await browser.newPage();
    const offIssuer: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(running.url)) offIssuer.push(request.url());
    });
    await stubRelyingParty(page);
    await page.route('https://evil.example.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>evil</p>' }));
    await page.route(`${LOGO}*`, (route) =>
      route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>' }),
    );
    return { page, offIssuer };
  }

  /** The relying party's page with a form that posts `params` to `endpoint` when its button is clicked. */
  async function postFromRelyingParty(page: Page, endpoint: string, params: Record<string, string>): Promise<void> {
    const inputs = Object.entries(params)
      .map(([name, value]) => `<input type="hidden" name="${name}" value="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`)
      .join('');
    await page.route(RP_PAGE, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><title>RP</title><form method="post" action="${endpoint}">${inputs}<button>Go</button></form>`,
      }),
    );
    await page.goto(RP_PAGE);
    await page.getByRole('button', { name: 'Go' }).click();
  }

  /** Signs in at the issuer by GET, as usual; returns the tokens. */
  async function signIn(page: Page) {
    const state = oidc.randomState();
    await page.goto(oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', state }).href);
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(/^https:\/\/rp\.example\.com\/cb\?/);
    return oidc.authorizationCodeGrant(config, new URL(page.url()), { expectedState: state });
  }

  it('a form POST from the relying party’s site, parameters in the body only, signs a signed-in person in silently (prompt=none)', async () => {
    const { page } = await newPage();
    await signIn(page);
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', state, prompt: 'none' });
    await postFromRelyingParty(page, `${issuer}/authorize`, Object.fromEntries(url.searchParams));
    await page.waitForURL(/^https:\/\/rp\.example\.com\/cb\?/);
    const callback = new URL(page.url());
    expect(callback.searchParams.get('error')).toBeNull();
    expect((await oidc.authorizationCodeGrant(config, callback, { expectedState: state })).claims()!.sub).toBe(userId);
    await page.close();
  });

  it('a form POST to the end-session endpoint from the relying party’s site: the confirmation page, then back with its state; the session is over', async () => {
    const { page } = await newPage();
    const tokens = await signIn(page);
    const sessions = async () =>
      (await adminApi(running.url).get(`/v1/tenants/${issuerId}/sessions?user_id=${userId}&limit=200`)).body.items as { session_id: string }[];
    const before = (await sessions()).length;
    await postFromRelyingParty(page, `${issuer}/end-session`, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: SIGNED_OUT, state: 'bye' });
    await page.waitForSelector('text=Sign out?');
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(/^https:\/\/rp\.example\.com\/signed-out/);
    expect(new URL(page.url()).searchParams.get('state')).toBe('bye');
    expect(await sessions()).toHaveLength(before - 1);
    await page.close();
  });

  const cases = [
    {
      name: 'an unknown client',
      error: 'invalid_client',
      params: () => ({ client_id: 'nobody', response_type: 'code', scope: 'openid', redirect_uri: REDIRECT, state: 'st' }),
    },
    {
      name: 'an unregistered redirect_uri',
      error: 'invalid_redirect_uri',
      params: () =>
        Object.fromEntries(oidc.buildAuthorizationUrl(config, { redirect_uri: 'https://evil.example.com/cb', scope: 'openid', state: 'st' }).searchParams),
    },
  ];

  for (const { name, error, params } of cases) {
    it(`${name}: a page in the tenant’s look names the error, and the browser is sent nowhere`, async () => {
      for (const method of ['GET', 'POST']) {
        const { page, offIssuer } = await newPage();
        const url = `${issuer}/authorize?${new URLSearchParams(params()).toString()}`;
        let status: number | undefined;
        if (method === 'GET') status = (await page.goto(url))!.status();
        else {
          // Posted from another site: the browser is sent on to the GET request (303), which answers.
          page.on('response', (response) => {
            if (response.url().startsWith(`${issuer}/authorize`)) status = response.status();
          });
          await postFromRelyingParty(page, `${issuer}/authorize`, params());
          await page.waitForSelector('h1');
        }
        expect({ method, status }).toEqual({ method, status: 400 });
        expect(new URL(page.url()).origin).toBe(running.url);
        expect(await page.title()).toBe('Cannot sign you in · Acme Corp');
        const alert = await page.textContent('[role=alert]');
        expect(alert).toContain(error);
        expect(await page.textContent('main')).toContain('Go back to the application');
        expect(await page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()")).toBe('#0a7d4f');
        expect(await page.getAttribute('img.logo', 'src')).toBe(LOGO);
        expect(offIssuer.filter((requested) => !requested.startsWith(LOGO) && !requested.startsWith(RP_PAGE))).toEqual([]);
        await screenshot(page, `authorization-error-${error}-${method.toLowerCase()}`);
        await page.close();
      }
    });
  }

  it('what the request says is shown as text, never run as markup', async () => {
    const { page } = await newPage();
    const injected = '"><img src=x onerror="window.injected=1"><script>window.injected=1</script>';
    await page.goto(
      `${issuer}/authorize?${new URLSearchParams({ client_id: injected, response_type: 'code', scope: 'openid', redirect_uri: injected, state: injected }).toString()}`,
    );
    expect(await page.title()).toBe('Cannot sign you in · Acme Corp');
    expect(await page.evaluate('window.injected')).toBeUndefined();
    expect(await page.locator('img:not(.logo), script').count()).toBe(0);
    await page.close();
  });
});
