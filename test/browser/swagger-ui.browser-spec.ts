import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, randomIssuerId } from '../helpers/admin-api.js';
import { startApp, TEST_ADMIN_KEY, type RunningApp } from '../helpers/app.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';

/** Swagger UI at /docs, as an administrator uses it: authorize, try a call, see it work. */
describe('Swagger UI', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    running = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('authorizes with the admin key, creates a tenant through "Try it out" (201), all assets served by Portcullis', async () => {
    const issuerId = randomIssuerId('swagger');
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(running.url) && !url.startsWith('data:')) foreign.push(url);
    });

    await page.goto(`${running.url}/docs`);
    await page.getByRole('button', { name: 'Authorize' }).first().click();
    // The dialog lists every security scheme (the public protocol's too): the admin key's form.
    const adminKey = page.locator('.modal-ux form').filter({ hasText: 'admin-key' });
    await adminKey.locator('input').fill(TEST_ADMIN_KEY);
    await adminKey.locator('.auth-btn-wrapper button.authorize').click();
    await adminKey.locator('.auth-btn-wrapper button.btn-done').click();

    const operation = page.locator('#operations-tenants-createTenant');
    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.locator('textarea.body-param__text').fill(JSON.stringify({ issuer_id: issuerId, display_name: 'Made in Swagger UI' }));
    await operation.locator('button.execute').click();
    const status = operation.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('201');
    await screenshot(page, 'swagger-ui-create-tenant');

    // The tenant exists, and the authorization survives a reload (persistAuthorization).
    expect((await adminApi(running.url).get(`/v1/tenants/${issuerId}`)).status).toBe(200);
    await page.reload();
    await expect(page.locator('.auth-wrapper .authorize.locked').count()).resolves.toBe(1);
    expect(foreign).toEqual([]);
  });
});
