import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';
import { WEBAUTHN_SCRIPT_HASHES } from '../../src/oidc/interactions/views/webauthn-scripts.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'fay', password: 'correct horse battery staple' };

describe('finding 2: device-code and logout pages can be framed', () => {
  let running: RunningApp;
  let browser: Browser;
  let issuerId: string;
  let issuer: string;
  let web: oidc.Configuration;
  let tv: oidc.Configuration;

  beforeAll(async () => {
    running = await startApp();
    browser = await launchBrowser();
    ({ issuerId, issuer } = await createTenant(running.url, { display_name: 'Framing Corp' }));
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, USER);
    const client = await createClient(running.url, issuerId, { client_name: 'Framing Portal', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    web = await discover(issuer, client.clientId, oidc.None());
    const device = await createClient(running.url, issuerId, {
      client_name: 'Framing TV',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
      response_types: [],
      token_endpoint_auth_method: 'none',
    });
    tv = await discover(issuer, device.clientId, oidc.None());
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const authorizationUrl = async (params: Record<string, string> = {}) =>
    oidc.buildAuthorizationUrl(web, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      state: 'st',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
      ...params,
    }).href;

  async function signIn(page: Page) {
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('a same-site page that frames the device code page (with a user_code), the logout page or the sign-in page shows none of them', async () => {
    const { user_code } = await oidc.initiateDeviceAuthorization(tv, { scope: 'openid' });
    const targets = {
      device: `${issuer}/device?user_code=${encodeURIComponent(user_code)}`,
      logout: `${issuer}/end-session`,
      signIn: await authorizationUrl(),
    };
    const page = await browser.newPage();
    const iframes = Object.entries(targets).map(
      ([name, url]) => `<iframe name="${name}" src="${url.replace(/&/g, '&amp;')}" width="400" height="300"></iframe>`,
    );
    // A page of the same site as Portcullis (same host, another port), so its cookies go along
    // into the frames; served for real, as Chromium keeps pages it thinks public off loopback.
    const framer = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Win a prize</title>${iframes.join('')}`),
    );
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    // `load` waits for the frames too.
    await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`, { waitUntil: 'load' });
    framer.close();
    await screenshot(page, 'security-02-framer');

    for (const name of Object.keys(targets)) {
      const frame = page.frame({ name })!;
      // A refused frame holds Chromium's error page, naming the response's refusal, not Portcullis's form.
      const shown = await frame.content();
      expect({ name, url: frame.url(), refused: shown.includes('ERR_BLOCKED_BY_RESPONSE') }).toEqual({
        name,
        url: 'chrome-error://chromewebdata/',
        refused: true,
      });
    }

    // The same URLs open as pages of their own.
    await page.goto(targets.device);
    await page.waitForSelector('text=Connect a device');
    await page.close();
  });

  it('every HTML page kind carries the page security headers, and form_post still reaches the client in Chromium', async () => {
    const page = await browser.newPage();
    const pages: Array<{ title: string; url: string; status: number; headers: Record<string, string> }> = [];
    const seen: Array<Promise<void>> = [];
    // A body can be read only until the next page replaces it: each step waits for the pages before it.
    const settled = async () => void (await Promise.all(seen));
    page.on('response', (response: Response) => {
      if (!response.url().startsWith(running.url) || !response.headers()['content-type']?.startsWith('text/html')) return;
      seen.push(
        (async () => {
          // Redirects are HTML too (Koa's "Redirecting to …"): named by their status. The form_post
          // page submits itself at once, its body gone by then: named by its path.
          const formPost = response.status() === 200 && /\/authorize\/[^/]+$/.test(new URL(response.url()).pathname);
          const redirect = response.status() >= 300 && response.status() < 400;
          const body = redirect || formPost ? '' : await response.text();
          const title = formPost ? 'form_post page' : (/<title>([^<]*)<\/title>/.exec(body)?.[1] ?? `${response.status()} redirect`);
          pages.push({ title, url: response.url(), status: response.status(), headers: await response.allHeaders() });
        })(),
      );
    });
    const posted: Array<Record<string, string>> = [];
    await page.route(`${REDIRECT}**`, (route) => {
      if (route.request().method() === 'POST') posted.push(Object.fromEntries(new URLSearchParams(route.request().postData() ?? '')));
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Relying party</title>' });
    });

    // Sign-in (a wrong password, then the right one), consent, and the form_post page posting to the client.
    await page.goto(await authorizationUrl({ response_mode: 'form_post', scope: 'openid email' }));
    await settled();
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForSelector('text=Wrong username or password');
    await settled();
    await signIn(page);
    await page.waitForSelector('text=Allow access?');
    await settled();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(REDIRECT);
    expect(posted).toEqual([{ code: expect.any(String), state: 'st', iss: issuer }]);

    // Device code entry (a wrong code, then the right one), confirmation and success.
    const device = await oidc.initiateDeviceAuthorization(tv, { scope: 'openid' });
    await page.goto(`${issuer}/device`);
    await settled();
    await page.getByLabel('Code').fill('WRONG-CODE');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('text=That code is not valid');
    await settled();
    await page.getByLabel('Code').fill(device.user_code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('text=Framing TV');
    await settled();
    await page.getByRole('button', { name: 'Yes, continue' }).click();
    await page.waitForSelector('text=Allow access?');
    await settled();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForSelector('text=Device connected');
    await settled();

    // Logout confirmation and success.
    await page.goto(`${issuer}/end-session`);
    await settled();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForSelector('text=Signed out');
    await settled();

    // A finished interaction, the demo page (absent outside development) and Swagger UI.
    await page.goto(`${issuer}/interaction/no-such-interaction`);
    await settled();
    await page.goto(`${running.url}/demo-login`);
    await settled();
    await page.goto(`${running.url}/docs`);
    await page.waitForSelector('text=Authorize');
    await Promise.all(seen);

    expect(new Set(pages.map(({ title }) => title))).toEqual(
      new Set([
        'Sign in · Framing Corp',
        'Allow access? · Framing Corp',
        'form_post page',
        '303 redirect',
        'Connect a device · Framing Corp',
        'Device connected · Framing Corp',
        'Sign out? · Framing Corp',
        'Signed out · Framing Corp',
        'Sign-in expired · Framing Corp',
        'No demo · Portcullis',
        'Portcullis API',
      ]),
    );
    for (const { title, url, status, headers } of pages) {
      expect({ title, url, status, headers }).toEqual({
        title,
        url,
        status,
        headers: expect.objectContaining({
          'content-security-policy': expect.stringMatching(/(^|; *)frame-ancestors 'none'(;|$)/),
          'x-frame-options': 'DENY',
          'referrer-policy': 'no-referrer',
          'x-content-type-options': 'nosniff',
        }),
      });
    }
    // Only the form_post page and the sign-in page (its passkey scripts) run scripts: their own, by hash.
    const allowed = (title: string) =>
      title === 'form_post page'
        ? expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)
        : title.startsWith('Sign in ·')
          ? WEBAUTHN_SCRIPT_HASHES.join(' ')
          : "'none'";
    for (const { title, headers } of pages.filter(({ title }) => title !== 'Portcullis API')) {
      const scripts = /script-src ([^;]*)/.exec(headers['content-security-policy'])?.[1];
      expect({ title, scripts }).toEqual({ title, scripts: allowed(title) });
    }
    await page.close();
  });
});
