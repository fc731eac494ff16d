import type { Browser, BrowserContext, Page, Request, Response as PageResponse } from 'playwright-core';
import { expect } from 'vitest';
import type { UserAgent } from '../helpers/browserless.js';

/** What reached the client's redirect URI: the method, the content type, the full URL (fragment included) and a form body. */
export interface Callback {
  method: string;
  contentType?: string;
  url: URL;
  body?: URLSearchParams;
}

/**
 * The tester's browser for the pages the suite judges by a screenshot (an error page, a second
 * sign-in page, the sign-out pages). It takes over the cookies of the protocol user agent that
 * led the flow so far and hands them back after, so one flow can move between the two.
 */
export class ChromiumStep {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly agent: UserAgent,
    private readonly callbacks: Callback[],
    private readonly clientOrigin: string,
  ) {}

  static async open(browser: Browser, agent: UserAgent, clientOrigin: string): Promise<ChromiumStep> {
    const context = await browser.newContext();
    const cookies = await agent.jar.store.getAllCookies();
    if (cookies.length) {
      await context.addCookies(
        cookies.map((cookie) => ({
          name: cookie.key,
          value: cookie.value,
          domain: cookie.domain!,
          path: cookie.path ?? '/',
          httpOnly: cookie.httpOnly,
          secure: cookie.secure,
          sameSite: 'Lax' as const,
        })),
      );
    }
    const page = await context.newPage();
    const callbacks: Callback[] = [];
    await recordCallbacks(page, clientOrigin, (callback) => callbacks.push(callback));
    return new ChromiumStep(context, page, agent, callbacks, clientOrigin);
  }

  goto(url: URL | string): Promise<PageResponse | null> {
    return this.page.goto(String(url));
  }

  /** Requests that reached the client so far. */
  get received(): readonly Callback[] {
    return this.callbacks;
  }

  /** Waits for the browser to land on the client; the page URL keeps the fragment the request URL loses. */
  async callback(): Promise<Callback> {
    await this.page.waitForURL((url) => url.origin === this.clientOrigin);
    expect(this.callbacks).toHaveLength(1);
    return { ...this.callbacks[0], url: new URL(this.page.url()) };
  }

  /** Fills in the sign-in page as a person would, and consents if asked. */
  async signIn(user: { username: string; password: string }): Promise<void> {
    await this.page.getByLabel('Username').fill(user.username);
    await this.page.getByLabel('Password').fill(user.password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await this.consentIfAsked();
  }

  /** Allows on the consent page if that is where the browser goes, rather than to the client. */
  async consentIfAsked(): Promise<void> {
    const allow = this.page.getByRole('button', { name: 'Allow' });
    // Consent is asked once per grant: either the consent page or the client comes next.
    const landed = this.page
      .waitForURL((url) => url.origin === this.clientOrigin)
      .then(
        () => false,
        () => false,
      );
    const consent = allow.waitFor().then(
      () => true,
      () => false,
    );
    if (await Promise.race([consent, landed])) await allow.click();
  }

  /** Hands the browser's cookies back to the protocol user agent and closes the browser window. */
  async close(): Promise<void> {
    const cookies = await this.context.cookies();
    await this.agent.jar.removeAllCookies();
    for (const cookie of cookies) {
      const attributes = [
        `Path=${cookie.path}`,
        cookie.httpOnly ? 'HttpOnly' : '',
        cookie.expires > 0 ? `Expires=${new Date(cookie.expires * 1000).toUTCString()}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      await this.agent.jar.setCookie(`${cookie.name}=${cookie.value}; ${attributes}`, `http://${cookie.domain}${cookie.path}`);
    }
    await this.context.close();
  }
}

/** Runs one step in Chromium and always hands the cookies back. */
export async function inChromium<T>(browser: Browser, agent: UserAgent, clientOrigin: string, step: (chromium: ChromiumStep) => Promise<T>): Promise<T> {
  const chromium = await ChromiumStep.open(browser, agent, clientOrigin);
  try {
    return await step(chromium);
  } finally {
    await chromium.close();
  }
}

/** The client's redirect URI does not resolve here: Chromium's requests to it are recorded and answered with a stub page. */
async function recordCallbacks(page: Page, clientOrigin: string, record: (callback: Callback) => void): Promise<void> {
  await page.route(`${clientOrigin}/**`, async (route) => {
    record(await callbackOf(route.request()));
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Relying party</title><p>callback received</p>' });
  });
}

async function callbackOf(request: Request): Promise<Callback> {
  const contentType = (await request.headerValue('content-type')) ?? undefined;
  const body = request.method() === 'POST' ? new URLSearchParams(request.postData() ?? '') : undefined;
  return { method: request.method(), contentType, url: new URL(request.url()), body };
}

/** How long a form_post page may take to post itself once loaded. */
const FORM_POST_TIMEOUT_MS = 15_000;

/**
 * Chromium tabs for form_post answers (OAuth 2.0 Form Post Response Mode §2): the page
 * Portcullis answered, loaded at its own URL exactly as served (status, headers with its
 * Content-Security-Policy, body), must make the browser POST the response to the client by
 * itself. The protocol user agent made the request; Chromium renders and submits the answer.
 * These pages carry no cookies and leave nothing behind, so the tabs are reused.
 */
export class FormPostTabs {
  private readonly idle: Page[] = [];

  constructor(
    private readonly context: BrowserContext,
    private readonly clientOrigin: string,
  ) {}

  async post(answer: { url: string; status: number; headers: Headers; body: string }): Promise<Callback> {
    const page = this.idle.pop() ?? (await this.context.newPage());
    let timer: NodeJS.Timeout | undefined;
    try {
      const posted = new Promise<Callback>((resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`the form_post page did not post to the client: ${answer.body.slice(0, 300)}`)), FORM_POST_TIMEOUT_MS);
        // 204: the browser stays on the page, and the tab is ready for the next answer.
        void page.route(`${this.clientOrigin}/**`, async (route) => {
          resolve(await callbackOf(route.request()));
          await route.fulfill({ status: 204 });
        });
      });
      const headers = Object.fromEntries(
        [...answer.headers].filter(([name]) => !['content-length', 'transfer-encoding', 'connection', 'set-cookie'].includes(name)),
      );
      await page.route(
        (url) => url.href === answer.url,
        (route) => route.fulfill({ status: answer.status, headers, body: answer.body }),
      );
      await page.goto(answer.url, { waitUntil: 'commit' });
      const callback = await posted;
      await page.unrouteAll({ behavior: 'wait' });
      this.idle.push(page);
      return callback;
    } catch (error) {
      await page.close();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
