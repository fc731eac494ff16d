import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { launchBrowser, screenshot, stubRelyingParty } from '../helpers/browser.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const SIGNED_OUT = 'https://rp.example.com/signed-out';
const USER = { username: 'lee', password: 'correct horse battery staple' };

describe('device code entry and logout confirmation pages', () => {
  let running: RunningApp;
  let browser: Browser;
  let issuerId: string;
  let issuer: string;

  beforeAll(async () => {
    running = await startApp();
    browser = await launchBrowser();
    ({ issuerId, issuer } = await createTenant(running.url, { display_name: 'Acme Corp' }));
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, USER);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function signIn(page: import('playwright-core').Page) {
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('device flow: the user enters the code, confirms, signs in and consents; the device gets tokens', async () => {
    const tv = await createClient(running.url, issuerId, {
      client_name: 'Living-room TV',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
      response_types: [],
      token_endpoint_auth_method: 'none',
    });
    const config = await discover(issuer, tv.clientId, oidc.None());
    const device = await oidc.initiateDeviceAuthorization(config, { scope: 'openid' });

    const page = await browser.newPage();
    await page.goto(device.verification_uri);
    await screenshot(page, 'device-code-entry');
    await page.getByLabel('Code').fill(device.user_code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('text=Living-room TV');
    await screenshot(page, 'device-confirm');
    await page.getByRole('button', { name: 'Yes, continue' }).click();
    await signIn(page);
    await page.waitForSelector('text=Allow access?');
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForSelector('text=Device connected');
    await screenshot(page, 'device-success');

    const tokens = await oidc.pollDeviceAuthorizationGrant(config, { ...device, interval: 0.1 });
    expect(tokens.claims()!.iss).toBe(issuer);
    await page.close();
  });

  it('a wrong device code is refused on the page', async () => {
    const page = await browser.newPage();
    await page.goto(`${issuer}/device`);
    await page.getByLabel('Code').fill('WRONG-CODE');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('text=That code is not valid');
    await page.close();
  });

  it('RP-initiated logout: confirmation page, then back to the client with its state', async () => {
    const client = await createClient(running.url, issuerId, {
      redirect_uris: [REDIRECT],
      post_logout_redirect_uris: [SIGNED_OUT],
      token_endpoint_auth_method: 'none',
    });
    const config = await discover(issuer, client.clientId, oidc.None());
    const page = await browser.newPage();
    await stubRelyingParty(page);
    const verifier = oidc.randomPKCECodeVerifier();
    await page.goto(
      oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT,
        scope: 'openid',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      }).href,
    );
    await signIn(page);
    await page.waitForSelector('text=Allow access?');
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(/^https:\/\/rp\.example\.com\/cb\?/);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(page.url()), { pkceCodeVerifier: verifier });

    await page.goto(oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: SIGNED_OUT, state: 'bye' }).href);
    await page.waitForSelector('text=Sign out?');
    await screenshot(page, 'logout-confirm');
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(/^https:\/\/rp\.example\.com\/signed-out/);
    expect(new URL(page.url()).searchParams.get('state')).toBe('bye');
    await page.close();
  });
});
