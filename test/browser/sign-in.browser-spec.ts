import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { launchBrowser, screenshot, stubRelyingParty } from '../helpers/browser.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'pat', password: 'correct horse battery staple' };

/** The sign-in and consent pages in a real browser. */
describe('sign-in and consent pages', () => {
  let running: RunningApp;
  let browser: Browser;
  let config: oidc.Configuration;

  beforeAll(async () => {
    running = await startApp();
    browser = await launchBrowser();
    const { issuerId, issuer } = await createTenant(running.url, { display_name: 'Acme Corp' });
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, USER);
    const client = await createClient(running.url, issuerId, { client_name: 'Acme Portal', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    config = await discover(issuer, client.clientId, oidc.None());
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function authorizationUrl(scope = 'openid profile email') {
    const verifier = oidc.randomPKCECodeVerifier();
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope,
      state: 'st',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }).href;
  }

  it('signs in, shows consent with the client name and scopes, and returns a code to the client', async () => {
    const page = await browser.newPage();
    await stubRelyingParty(page);
    await page.goto(await authorizationUrl());
    expect(await page.title()).toBe('Sign in · Acme Corp');
    await expect(page.getByLabel('Username').isVisible()).resolves.toBe(true);
    await screenshot(page, 'login');
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.waitForSelector('text=Allow access?');
    const consent = await page.textContent('main');
    expect(consent).toContain('Acme Portal');
    expect(consent).toContain('See your email address');
    await screenshot(page, 'consent');
    await page.getByRole('button', { name: 'Allow' }).click();

    await page.waitForURL(/^https:\/\/rp\.example\.com\/cb\?/);
    const callback = new URL(page.url());
    expect(callback.searchParams.get('code')).toEqual(expect.any(String));
    expect(callback.searchParams.get('state')).toBe('st');
    await page.close();
  });

  it('a wrong password shows one message on the page, without saying which part was wrong', async () => {
    const page = await browser.newPage();
    await page.goto(await authorizationUrl());
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForSelector('[role=alert]');
    expect(await page.textContent('[role=alert]')).toBe('Wrong username or password.');
    expect(await page.getByLabel('Username').inputValue()).toBe(USER.username);
    await screenshot(page, 'login-wrong-password');
    await page.close();
  });

  it('deny on the consent page sends access_denied to the client', async () => {
    const page = await browser.newPage();
    await stubRelyingParty(page);
    await page.goto(await authorizationUrl('openid phone'));
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForSelector('text=Allow access?');
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(/^https:\/\/rp\.example\.com\/cb\?/);
    expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');
    await page.close();
  });

  it('the page is usable on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(await authorizationUrl());
    const box = await page.getByRole('button', { name: 'Sign in', exact: true }).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await screenshot(page, 'login-mobile');
    await page.close();
  });
});
