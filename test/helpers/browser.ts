import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Screenshots of every page a browser test sees, kept as CI artifacts. */
export const SCREENSHOTS = new URL('../../test-artifacts/screenshots/', import.meta.url);

/**
 * Debian's Chromium, headless. The network here is closed: without these flags Chromium keeps
 * trying to reach Google's services and floods the log with refused connections.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The relying parties' hosts resolve nowhere at once (their callbacks are stubbed in the page): no DNS wait.
      '--host-resolver-rules=MAP *.example.com ~NOTFOUND',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/** The client's redirect URI never resolves here: answer it in the browser with a stub page. */
export async function stubRelyingParty(page: Page, origin = 'https://rp.example.com'): Promise<void> {
  await page.route(`${origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Relying party</title><p>callback</p>' }),
  );
}
