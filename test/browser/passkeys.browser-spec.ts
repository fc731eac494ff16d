import { createHash } from 'node:crypto';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { launchBrowser, screenshot, stubRelyingParty } from '../helpers/browser.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from '../helpers/rp.js';
import { addVirtualAuthenticator, withoutPasskeyAutofill, type VirtualCredential } from '../helpers/webauthn.js';

const REDIRECT = 'https://rp.example.com/cb';
const CALLBACK = /^https:\/\/rp\.example\.com\/cb\?/;
const PASSWORD = 'correct horse battery staple';
const PASSWORD_ACR = 'urn:portcullis:acr:password';
const MFA_ACR = 'urn:portcullis:acr:mfa';
const SIGN_IN_CLAIMS = JSON.stringify({ id_token: { acr: null, amr: null, auth_time: { essential: true } } });
const NOT_ACCEPTED = 'That passkey was not accepted here.';
/** A security key: no discoverable credentials and no user verification, only presence. */
const SECURITY_KEY = { transport: 'usb', hasResidentKey: false, hasUserVerification: false, isUserVerified: false } as const;

type Checks = Awaited<ReturnType<typeof authorizationRequest>>['checks'];

/** A tenant's issuer as its relying party knows it. */
interface Issuer {
  config: oidc.Configuration;
}

const now = () => Math.floor(Date.now() / 1000);
const sorted = (values: unknown) => [...(values as string[])].sort();
const base64url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64url = (text: string) => Buffer.from(text, 'base64url').toString('utf8');

/**
 * Passkeys and security keys in a real Chromium, its virtual authenticator standing in for the
 * device: enrollment during a sign-in, passwordless sign-in, step-up, a security key after the
 * password, and the assertions that must be refused. openid-client redeems every code and the ID
 * token says how the user signed in (acr, amr, auth_time). The tests run in order and share
 * the users and credentials the earlier ones made.
 */
describe('passkeys and security keys', () => {
  let running: RunningApp;
  let browser: Browser;
  let acme: Issuer;
  let other: Issuer;
  /** What the earlier tests leave for the later ones. */
  let adaPasskey: VirtualCredential;
  let adaAssertion: string;
  let bobPage: Page;
  let bobAuthTime: number;

  beforeAll(async () => {
    running = await startApp({}, { host: 'localhost' });
    browser = await launchBrowser();
    const issuer = async (name: string, usernames: string[]): Promise<Issuer> => {
      const { issuerId, issuer } = await createTenant(running.url, { display_name: name });
      for (const username of usernames) await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, { username, password: PASSWORD });
      const client = await createClient(running.url, issuerId, {
        client_name: `${name} Portal`,
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'none',
      });
      return { config: await discover(issuer, client.clientId, oidc.None()) };
    };
    acme = await issuer('Acme Corp', ['ada', 'bob', 'eve']);
    other = await issuer('Other Corp', ['ada']);
    expect(running.config.publicUrl).toMatch(/^http:\/\/localhost:\d+$/);
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** Each page's requests to the client's callback, in order: one per authorization request. */
  const callbacks = new WeakMap<Page, string[]>();

  /** A browser of its own (fresh cookies) whose client callback is answered by a stub; passkey autofill off unless asked for. */
  async function newPage({ autofill = false } = {}): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    await stubRelyingParty(page);
    if (!autofill) await withoutPasskeyAutofill(page);
    const seen: string[] = [];
    const ever = new Set<string>();
    page.on('request', (request) => {
      // Once per callback: Chromium may report one request twice (on the redirect and on the route).
      const url = request.url();
      if (!CALLBACK.test(url) || ever.has(url)) return;
      ever.add(url);
      seen.push(url);
    });
    callbacks.set(page, seen);
    return page;
  }

  /**
   * The page's next callback, once the page has left the issuer. Taken from its request, not
   * from the page: Chromium does not always hand the last hop of a redirect chain to page.route
   * (never after a GET navigation), and then the page ends at a DNS error instead of the stub.
   */
  async function nextCallback(page: Page): Promise<URL> {
    const seen = callbacks.get(page)!;
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.url().startsWith(running.url), { timeout: 10_000 }).toBe(false);
    // Settled: a navigation to the callback still under way would cut short the page's next one.
    await page.waitForLoadState('load');
    return new URL(seen.shift()!);
  }

  /**
   * The authorization request in `page`; the checks to redeem its code with. It also asks
   * (`claims` parameter) for the sign-in's claims, which every ID token carries anyway: a
   * relying party that needs them says so.
   */
  async function authorize(page: Page, issuer: Issuer, params: Record<string, string> = {}) {
    const { url, checks } = await authorizationRequest(issuer.config, REDIRECT, { claims: SIGN_IN_CLAIMS, ...params });
    const response = await page.goto(url.href);
    return { checks, response };
  }

  async function signInWithPassword(page: Page, username: string): Promise<Response> {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    return submitting(page, () => page.getByRole('button', { name: 'Sign in', exact: true }).click());
  }

  /** The page `act` (a click that posts a form, maybe through a WebAuthn ceremony) leads to, after any redirects: its response, once it has loaded. */
  async function submitting(page: Page, act: () => Promise<unknown>): Promise<Response> {
    const response = page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame() && !r.headers().location);
    await act();
    const answer = await response;
    await page.waitForLoadState();
    return answer;
  }

  /** Consent (when the session has none for the client yet), the callback, and the ID token's claims from redeeming its code. */
  async function idToken(page: Page, issuer: Issuer, checks: Checks, { consent }: { consent: boolean }) {
    if (consent) await page.getByRole('button', { name: 'Allow' }).click();
    return redeem(issuer, await nextCallback(page), checks);
  }

  async function redeem(issuer: Issuer, callback: URL, checks: Checks) {
    return (await oidc.authorizationCodeGrant(issuer.config, callback, checks)).claims()!;
  }

  /**
   * The page's security headers: framing refused, and no script but those the CSP names by
   * hash, which are exactly the page's own inline scripts ('none' when it has none).
   */
  async function expectScriptsByHash(page: Page, response: Response | null) {
    const headers = expectGuarded(response);
    const scripts = await page.$$eval('script', (elements) =>
      elements.filter((element) => !element.getAttribute('type')).map((element) => element.textContent ?? ''),
    );
    const hashes = scripts.map((script) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
    expect(sorted(headers.scriptSrc)).toEqual(hashes.length ? sorted(hashes) : ["'none'"]);
  }

  function expectGuarded(response: Response | null) {
    const headers = response!.headers();
    expect(headers['content-type']).toMatch(/^text\/html/);
    expect(headers['x-frame-options']).toBe('DENY');
    const csp = new Map(
      headers['content-security-policy'].split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    const scriptSrc = csp.get('script-src')!;
    expect(scriptSrc.every((source) => /^'sha256-[A-Za-z0-9+/]{43}='$/.test(source)) || scriptSrc.join(' ') === "'none'").toBe(true);
    return { scriptSrc };
  }

  const heading = (page: Page) => page.locator('h1').textContent();
  const alertText = (page: Page) => page.locator('p.error[role=alert]:not([hidden])').textContent();

  it('a password sign-in asking for phr enrolls a passkey, shows recovery codes once, and the ID token says phr', async () => {
    const page = await newPage();
    const authenticator = await addVirtualAuthenticator(page);
    const started = now();
    const { checks, response } = await authorize(page, acme, { acr_values: 'phr' });
    await expectScriptsByHash(page, response);
    expect(await page.getAttribute('#username', 'autocomplete')).toBe('username webauthn');

    const enroll = await signInWithPassword(page, 'ada');
    expect(await heading(page)).toBe('Set up two-step verification');
    expect(await page.textContent('main')).toContain('ada, this sign-in needs a second factor.');
    await expectScriptsByHash(page, enroll);
    await expect(page.getByRole('button', { name: 'Add a security key' }).isVisible()).resolves.toBe(true);
    // An authenticator app's codes do not reach phr: it is not offered here.
    await expect(page.getByRole('button', { name: 'Confirm' }).count()).resolves.toBe(0);
    await screenshot(page, 'enroll-second-factor');

    const codesPage = await submitting(page, () => page.getByRole('button', { name: 'Create a passkey' }).click());
    expect(await heading(page)).toBe('Save your recovery codes');
    const codes = await page.locator('ul.codes li').allTextContents();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    await expectScriptsByHash(page, codesPage);
    await screenshot(page, 'recovery-codes');
    const consent = await submitting(page, () => page.getByRole('button', { name: 'I saved them, continue' }).click());
    expect(await heading(page)).toBe('Allow access?');
    await expectScriptsByHash(page, consent);

    const claims = await idToken(page, acme, checks, { consent: true });
    expect(claims.acr).toBe('phr');
    expect(sorted(claims.amr)).toEqual(['hwk', 'mfa', 'pwd', 'user']);
    expect(claims.auth_time).toBeGreaterThanOrEqual(started);
    expect(claims.auth_time).toBeLessThanOrEqual(now());

    const credentials = await authenticator.credentials();
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
    adaPasskey = credentials[0];
    await page.context().close();
  });

  it("the passkey alone signs in on other browsers, from the button or the username field's autofill: phr, user verified, no password", async () => {
    for (const autofill of [false, true]) {
      const page = await newPage({ autofill });
      const authenticator = await addVirtualAuthenticator(page);
      await authenticator.addCredential(adaPasskey);
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/passkey')) adaAssertion = new URLSearchParams(request.postData()!).get('credential')!;
      });
      const started = now();
      const { checks } = await authorize(page, acme);
      // With autofill, the page asks at once and the virtual authenticator answers: no click.
      if (!autofill) await page.getByRole('button', { name: 'Sign in with a passkey' }).click();

      const claims = await idToken(page, acme, checks, { consent: true });
      expect(claims.acr).toBe('phr');
      expect(sorted(claims.amr)).toEqual(['hwk', 'mfa', 'user']);
      expect(claims.auth_time).toBeGreaterThanOrEqual(started);
      expect(JSON.parse(adaAssertion)).toMatchObject({ id: base64url(adaPasskey.credentialId), type: 'public-key' });
      // The latest counter, for the tests below that sign with this key again.
      adaPasskey = (await authenticator.credentials())[0];
      await page.context().close();
    }
  });

  it('step-up: a password-only session asked for phr enrolls (or uses) a passkey without the password again', async () => {
    // Two browsers of bob, both signed in with the password alone while he has no second factor.
    bobPage = await newPage();
    const laterPage = await newPage();
    const bobAuthenticator = await addVirtualAuthenticator(bobPage);
    const laterAuthenticator = await addVirtualAuthenticator(laterPage);
    const passwordAuthTimes: number[] = [];
    for (const page of [bobPage, laterPage]) {
      const { checks } = await authorize(page, acme);
      await signInWithPassword(page, 'bob');
      const claims = await idToken(page, acme, checks, { consent: true });
      expect(claims.acr).toBe(PASSWORD_ACR);
      expect(claims.amr).toEqual(['pwd']);
      passwordAuthTimes.push(claims.auth_time!);
    }

    // The first asks for phr: straight to enrollment, as bob, no password asked.
    const { checks, response } = await authorize(bobPage, acme, { acr_values: 'phr' });
    expect(await heading(bobPage)).toBe('Set up two-step verification');
    expect(await bobPage.textContent('main')).toContain('bob, this sign-in needs a second factor.');
    await expect(bobPage.getByLabel('Password').count()).resolves.toBe(0);
    await expectScriptsByHash(bobPage, response);
    await screenshot(bobPage, 'step-up');
    await submitting(bobPage, () => bobPage.getByRole('button', { name: 'Create a passkey' }).click());
    expect(await heading(bobPage)).toBe('Save your recovery codes');
    await bobPage.getByRole('button', { name: 'I saved them, continue' }).click();
    const claims = await idToken(bobPage, acme, checks, { consent: false });
    expect(claims.acr).toBe('phr');
    expect(sorted(claims.amr)).toEqual(['hwk', 'mfa', 'pwd', 'user']);
    // The step-up is a sign-in of its own: auth_time moves to it.
    expect(claims.auth_time).toBeGreaterThanOrEqual(passwordAuthTimes[0]);
    bobAuthTime = claims.auth_time!;

    // The other browser, still at the password, now holding the same passkey: asked to verify with it, not to enroll.
    await laterAuthenticator.addCredential((await bobAuthenticator.credentials())[0]);
    const later = await authorize(laterPage, acme, { acr_values: 'phr' });
    expect(await heading(laterPage)).toBe('Verify it’s you');
    expect(await laterPage.textContent('main')).toContain('bob, this application asks for a passkey or a security key.');
    await expect(laterPage.getByLabel('Password').count()).resolves.toBe(0);
    await expectScriptsByHash(laterPage, later.response);
    await screenshot(laterPage, 'step-up-verify');
    await laterPage.getByRole('button', { name: 'Use a passkey or security key' }).click();
    const laterClaims = await idToken(laterPage, acme, later.checks, { consent: false });
    expect(laterClaims.acr).toBe('phr');
    expect(sorted(laterClaims.amr)).toEqual(['hwk', 'mfa', 'pwd', 'user']);
    await laterPage.context().close();
  });

  it('a session that already reached phr is not asked again, for phr or the lower mfa level', async () => {
    for (const acr of ['phr', MFA_ACR]) {
      const { url, checks } = await authorizationRequest(acme.config, REDIRECT, { claims: SIGN_IN_CLAIMS, acr_values: acr });
      const navigation = bobPage.waitForRequest(CALLBACK);
      // The page ends at a DNS error (see nextCallback): what counts is where it was sent.
      await bobPage.goto(url.href).catch(() => undefined);
      // No page in between: the authorization request redirected straight to the client.
      expect((await navigation).redirectedFrom()?.url()).toBe(url.href);
      const claims = await redeem(acme, await nextCallback(bobPage), checks);
      expect(claims.acr).toBe('phr');
      expect(claims.auth_time).toBe(bobAuthTime);
    }
    await bobPage.context().close();
  });

  it('a security key enrolled after the password is asked for at the next sign-in: phr, without user verification', async () => {
    const page = await newPage();
    await addVirtualAuthenticator(page, SECURITY_KEY);
    const first = await authorize(page, acme, { acr_values: 'phr' });
    await signInWithPassword(page, 'eve');
    expect(await heading(page)).toBe('Set up two-step verification');
    await submitting(page, () => page.getByRole('button', { name: 'Add a security key' }).click());
    expect(await heading(page)).toBe('Save your recovery codes');
    await page.getByRole('button', { name: 'I saved them, continue' }).click();
    const claims = await idToken(page, acme, first.checks, { consent: true });
    expect(claims.acr).toBe('phr');
    expect(sorted(claims.amr)).toEqual(['hwk', 'mfa', 'pwd']);

    // The next sign-in, no acr_values: the tenant's default asks whoever holds a second factor for it.
    await page.context().clearCookies();
    const { checks } = await authorize(page, acme);
    const verify = await signInWithPassword(page, 'eve');
    expect(await heading(page)).toBe('Verify it’s you');
    await expectScriptsByHash(page, verify);
    await expect(page.getByText('Use a recovery code').isVisible()).resolves.toBe(true);
    await screenshot(page, 'second-factor');
    await page.getByRole('button', { name: 'Use a passkey or security key' }).click();
    const next = await idToken(page, acme, checks, { consent: true });
    expect(next.acr).toBe('phr');
    expect(sorted(next.amr)).toEqual(['hwk', 'mfa', 'pwd']);
    await page.context().close();
  });

  /** Posts `credential` from the login page's passkey form (its CSRF token, its cookies), as its script would, and returns the answer. */
  function postPasskey(page: Page, credential: string): Promise<Response> {
    return submitting(page, () =>
      page.evaluate(`(() => {
        const form = document.querySelector('form[data-webauthn=authenticate]');
        form.elements.credential.value = ${JSON.stringify(credential)};
        form.submit();
      })()`),
    );
  }

  it('an assertion counts for its own sign-in only: one taken on its way, or one already used, is refused in another', async () => {
    // Taken on its way: made for this page's challenge, never delivered (so its counter is ahead of the stored one).
    const victim = await newPage();
    await (await addVirtualAuthenticator(victim)).addCredential(adaPasskey);
    await authorize(victim, acme);
    let take!: (credential: string) => void;
    const taken = new Promise<string>((resolve) => (take = resolve));
    await victim.route('**/passkey', (route) => {
      take(new URLSearchParams(route.request().postData()!).get('credential')!);
      return route.abort();
    });
    await victim.getByRole('button', { name: 'Sign in with a passkey' }).click();
    const intercepted = await taken;
    await victim.context().close();

    for (const assertion of [adaAssertion, intercepted]) {
      const page = await newPage();
      await authorize(page, acme);
      const refusal = await postPasskey(page, assertion);
      expect(refusal.status()).toBe(401);
      expect(await alertText(page)).toBe(NOT_ACCEPTED);
      expect(callbacks.get(page)).toEqual([]);
      await expectScriptsByHash(page, refusal);
      await page.context().close();
    }
  });

  it("another tenant's passkey is not accepted, though the browser offers it (one RP ID for all tenants)", async () => {
    const page = await newPage();
    const authenticator = await addVirtualAuthenticator(page);
    await authenticator.addCredential(adaPasskey);
    await authorize(page, other);
    const refusal = await submitting(page, () => page.getByRole('button', { name: 'Sign in with a passkey' }).click());
    expect(refusal.status()).toBe(401);
    expect(await alertText(page)).toBe(NOT_ACCEPTED);
    expect(callbacks.get(page)).toEqual([]);
    await page.context().close();
  });

  it('an assertion made for another origin (a page at another port of the same host) is refused; the real origin then signs in', async () => {
    const page = await newPage();
    const authenticator = await addVirtualAuthenticator(page);
    await authenticator.addCredential(adaPasskey);
    const { checks } = await authorize(page, acme);
    const options = JSON.parse((await page.textContent('#webauthn-options'))!) as { authentication: { challenge: string } };

    // A look-alike page elsewhere, in the same browser with the same key, asks for an assertion with the issuer's challenge.
    const phishing = await page.context().newPage();
    await (await addVirtualAuthenticator(phishing)).addCredential(adaPasskey);
    const elsewhere = `http://localhost:${Number(new URL(running.url).port) + 1}/`;
    await phishing.route(elsewhere, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Look-alike</title>' }));
    await phishing.goto(elsewhere);
    const relayed = await phishing.evaluate<string>(`(async () => {
      const challenge = Uint8Array.from(atob(${JSON.stringify(Buffer.from(options.authentication.challenge, 'base64url').toString('base64'))}), (c) => c.charCodeAt(0));
      const credential = await navigator.credentials.get({ publicKey: { challenge, rpId: 'localhost', userVerification: 'required' } });
      return JSON.stringify(credential.toJSON());
    })()`);
    expect(JSON.parse(fromBase64url((JSON.parse(relayed) as { response: { clientDataJSON: string } }).response.clientDataJSON))).toMatchObject({
      origin: elsewhere.slice(0, -1),
      challenge: options.authentication.challenge,
    });
    await phishing.close();

    const refusal = await postPasskey(page, relayed);
    expect(refusal.status()).toBe(401);
    expect(await alertText(page)).toBe(NOT_ACCEPTED);

    // The same key at the issuer's own page, in the same interaction: accepted.
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    const claims = await idToken(page, acme, checks, { consent: true });
    expect(claims.acr).toBe('phr');
    await page.context().close();
  });
});
