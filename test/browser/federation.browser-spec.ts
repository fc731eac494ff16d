import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { launchBrowser, screenshot, stubRelyingParty } from '../helpers/browser.js';
import { ADA, downstreamRequest, federation, type Federation } from '../helpers/federation.js';
import { oidc } from '../helpers/rp.js';

/**
 * Sign-in through an upstream identity provider in a real Chromium: another tenant of Portcullis
 * is the upstream, openid-client the downstream relying party that checks the ID token.
 */
describe('federated sign-in pages', () => {
  let running: RunningApp;
  let browser: Browser;
  let fed: Federation;

  beforeAll(async () => {
    running = await startApp({ PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'true' });
    browser = await launchBrowser();
    fed = await federation(running.url);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** A fresh browser at the downstream sign-in page; the checks to redeem the code with. */
  async function atSignIn(params: Record<string, string> = {}) {
    const page = await (await browser.newContext()).newPage();
    await stubRelyingParty(page);
    const { url, checks } = await downstreamRequest(fed.rp, params);
    await page.goto(url.href);
    return { page, checks };
  }

  /** At the upstream's page: signs in and allows, until the relying party's callback; the ID token's claims. */
  async function upstreamToClient(page: Page, checks: Awaited<ReturnType<typeof downstreamRequest>>['checks'], fill = true) {
    await page.waitForURL(new RegExp(`/${fed.upstream.issuerId}/interaction/`));
    expect(await page.title()).toBe('Sign in · Acme Identity');
    if (fill) await page.getByLabel('Username').fill(ADA.username);
    await page.getByLabel('Password').fill(ADA.password);
    const callback = page.waitForRequest(/^https:\/\/rp\.example\.com\/cb\?/);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // The upstream asks its consent for the downstream tenant, then the downstream for its client.
    for (let pages = 0; pages < 2; pages++) {
      const next = await Promise.race([callback.then(() => 'callback' as const), page.waitForSelector('text=Allow access?').then(() => 'consent' as const)]);
      if (next === 'callback') break;
      await page.getByRole('button', { name: 'Allow' }).click();
    }
    const claims = (await oidc.authorizationCodeGrant(fed.rp, new URL((await callback).url()), checks)).claims()!;
    await page.context().close();
    return claims;
  }

  it('offers the connection as a button, and signs in through it with a new account', async () => {
    const { page, checks } = await atSignIn();
    expect(await page.title()).toBe('Sign in · Shop');
    await screenshot(page, 'sign-in-with-connection');
    await page.getByRole('button', { name: 'Sign in with Acme' }).click();
    const claims = await upstreamToClient(page, checks);
    expect(claims.amr).toContain('fed');
    const links = await adminApi(running.url).get(`/v1/tenants/${fed.downstream.issuerId}/users/${claims.sub}/links`);
    expect(links.body.items).toHaveLength(1);
  });

  it('sends a work email to its identity provider without a password, with the email filled in there', async () => {
    const { page, checks } = await atSignIn();
    await page.getByLabel('Username').fill(ADA.email);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(new RegExp(`/${fed.upstream.issuerId}/interaction/`));
    expect(await page.getByLabel('Username').inputValue()).toBe(ADA.email);
    // The upstream knows Ada by her username: the hint only fills the field.
    await page.getByLabel('Username').fill(ADA.username);
    const claims = await upstreamToClient(page, checks, false);
    expect(claims.amr).toContain('fed');
  });

  it('shows a clear page when the person declines at the upstream', async () => {
    const { page } = await atSignIn();
    await page.getByRole('button', { name: 'Sign in with Acme' }).click();
    await page.waitForURL(new RegExp(`/${fed.upstream.issuerId}/interaction/`));
    await page.getByLabel('Username').fill(ADA.username);
    await page.getByLabel('Password').fill(ADA.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForSelector('text=Allow access?');
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForSelector('[role=alert]');
    expect(await page.textContent('[role=alert]')).toBe('Signing in with Acme did not complete (access denied).');
    expect(await page.title()).toBe('Sign in · Shop');
    await screenshot(page, 'federation-declined');
    await page.context().close();
  });
});
