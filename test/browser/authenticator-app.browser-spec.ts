import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { Authenticator } from '../helpers/authenticator.js';
import { launchBrowser, screenshot, stubRelyingParty } from '../helpers/browser.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'tess', password: 'correct horse battery staple' };
const MFA = { acr: 'urn:portcullis:acr:mfa' };

/**
 * An authenticator app and recovery codes in a real Chromium, openid-client as the relying party:
 * enrollment when the tenant requires it (QR code, the app's first code), the code at the next
 * sign-in, and a recovery code instead. The tests run in order: the app enrolled first is used after.
 */
describe('authenticator app and recovery codes', () => {
  let running: RunningApp;
  let browser: Browser;
  let config: oidc.Configuration;
  let app: Authenticator;
  let recoveryCodes: string[];

  beforeAll(async () => {
    running = await startApp();
    browser = await launchBrowser();
    const { issuerId, issuer } = await createTenant(running.url, { display_name: 'Tess Corp', sign_in_policy: { enrollment_required: true } });
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, USER);
    const client = await createClient(running.url, issuerId, { client_name: 'Tess Portal', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    config = await discover(issuer, client.clientId, oidc.None());
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** A fresh browser at the sign-in page, past the password; the checks to redeem the code with. */
  async function pastPassword(): Promise<{ page: Page; checks: Awaited<ReturnType<typeof authorizationRequest>>['checks'] }> {
    const page = await (await browser.newContext()).newPage();
    await stubRelyingParty(page);
    const { url, checks } = await authorizationRequest(config, REDIRECT);
    await page.goto(url.href);
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForSelector('h1');
    return { page, checks };
  }

  /**
   * The ID token's claims after `act` sends the browser to the client: the callback is read off
   * the request (a stubbed route does not always get to answer the redirect that ends a sign-in).
   */
  async function claimsAtClient(page: Page, checks: Awaited<ReturnType<typeof authorizationRequest>>['checks'], act: () => Promise<unknown>) {
    const callback = page.waitForRequest(/^https:\/\/rp\.example\.com\/cb\?/);
    await act();
    const claims = (await oidc.authorizationCodeGrant(config, new URL((await callback).url()), checks)).claims()!;
    await page.context().close();
    return claims;
  }

  it('enrolls an app with its QR code and first code, shows the recovery codes once, and signs in with two factors', async () => {
    const { page, checks } = await pastPassword();
    expect(await page.title()).toBe('Set up two-step verification · Tess Corp');
    await expect(page.getByRole('img', { name: 'QR code of your authenticator app key' }).locator('svg').count()).resolves.toBe(1);
    // Not now is no option: enrollment is required, with no grace period.
    await expect(page.getByRole('button', { name: 'Not now' }).count()).resolves.toBe(0);
    app = new Authenticator((await page.textContent('.secret'))!);
    await screenshot(page, 'enroll-authenticator-app');
    // A wrong code first: the page says so, keeps the same key, and the code field has focus back by label.
    await page.getByLabel('Code from the app').fill(app.wrongCode());
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForSelector('[role=alert]');
    expect(await page.textContent('[role=alert]')).toContain('That code is not right');
    expect(await page.textContent('.secret')).toBe(app.shown);
    await page.getByLabel('Code from the app').fill(app.code());
    await page.getByRole('button', { name: 'Confirm' }).click();

    await page.waitForSelector('text=Save your recovery codes');
    recoveryCodes = await page.locator('ul.codes li').allTextContents();
    expect(new Set(recoveryCodes).size).toBe(10);
    await page.getByRole('button', { name: 'I saved them, continue' }).click();
    const claims = await claimsAtClient(page, checks, () => page.getByRole('button', { name: 'Allow' }).click());
    expect(claims).toMatchObject(MFA);
    expect([...(claims.amr as string[])].sort()).toEqual(['mfa', 'otp', 'pwd']);
  });

  it('asks for the app’s code after the password at the next sign-in', async () => {
    const { page, checks } = await pastPassword();
    expect(await page.title()).toBe('Verify it’s you · Tess Corp');
    await screenshot(page, 'second-factor');
    await page.getByLabel('Code from your authenticator app').fill(app.code());
    await page.keyboard.press('Enter');
    // A new browser is a new session: consent again.
    expect(await claimsAtClient(page, checks, () => page.getByRole('button', { name: 'Allow' }).click())).toMatchObject(MFA);
  });

  it('takes a recovery code instead, once', async () => {
    const { page, checks } = await pastPassword();
    await page.getByText('Use a recovery code').click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0].toUpperCase());
    await page.getByRole('button', { name: 'Use recovery code' }).click();
    expect(await claimsAtClient(page, checks, () => page.getByRole('button', { name: 'Allow' }).click())).toMatchObject(MFA);

    const again = await pastPassword();
    await again.page.getByText('Use a recovery code').click();
    await again.page.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await again.page.getByRole('button', { name: 'Use recovery code' }).click();
    await again.page.waitForSelector('[role=alert]');
    expect(await again.page.textContent('[role=alert]')).toContain('That recovery code is not right, or was already used.');
    await again.page.context().close();
  });
});
