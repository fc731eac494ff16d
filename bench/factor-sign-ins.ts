/**
 * Sign-ins with a second factor or a passkey over HTTP, for `npm run bench:factors`: enrolling a
 * user's TOTP authenticator or passkey through the pages (a password sign-in whose `acr_values`
 * asks for more than the user holds), and the whole code flows that use them afterwards, as a
 * person with an authenticator app or a passkey goes through them.
 */
import * as OTPAuth from 'otpauth';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { claimsOf, PASSWORD, username, type SignIns, type Tokens } from './sign-in.js';
import { SoftAuthenticator } from './soft-authenticator.js';
import { MFA_ACR, PASSWORD_ACR, PHISHING_RESISTANT_ACR } from '../src/common/protocol.js';
import { formOf, UserAgent } from '../test/helpers/browserless.js';

/** RFC 6238 as the server checks codes (src/oidc/sign-in/factors/totp.ts). */
const TOTP_PERIOD_S = 30;
const totpOf = (secret: string) => new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_S, secret: OTPAuth.Secret.fromBase32(secret) });

/** The `acr` each flow must end with: what shows the server took the factor the flow presented. */
export const ACR = { password: PASSWORD_ACR, mfa: MFA_ACR, phr: PHISHING_RESISTANT_ACR } as const;

/**
 * What a checked sign-in adds to its authorization request: the ID token's `acr`, asked for as a
 * voluntary claim (the token carries it only when asked; voluntary, it asks for no level).
 */
const ACR_CLAIM = { claims: JSON.stringify({ id_token: { acr: null } }) };

/** A page's text, or an error naming what came instead. */
export async function page(step: Response | URL, expected: string): Promise<string> {
  if (step instanceof URL) throw new Error(`expected the ${expected} page, the flow ended at the client: ${step.search}`);
  const html = await step.text();
  // 2xx: the recovery codes page answers its POST with Nest's default 201.
  if (!step.ok) throw new Error(`expected the ${expected} page, got ${step.status}: ${html.slice(0, 300)}`);
  return html;
}

/** The action of the page's form that posts to `…/{suffix}`. */
function action(html: string, suffix: string): string {
  const found = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&')).find((url) => url.endsWith(`/${suffix}`));
  if (!found) throw new Error(`no form posting to …/${suffix}: ${html.slice(0, 300)}`);
  return found;
}

/** The WebAuthn options a page embeds for its script (`<script type="application/json" id="webauthn-options">`). */
function webauthnOptions(html: string): { authentication?: PublicKeyCredentialRequestOptionsJSON; passkey?: PublicKeyCredentialCreationOptionsJSON } {
  const json = /<script type="application\/json" id="webauthn-options">([^<]*)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error('the page embeds no WebAuthn options');
  return JSON.parse(json) as ReturnType<typeof webauthnOptions>;
}

/** The `acr` of an ID token. */
export const acrOf = (tokens: Tokens): unknown => claimsOf(tokens).acr;

/**
 * Consent (and any redirect) until the client's callback, then the code redeemed; the ID token
 * must carry `acr` when given. (A factor refused shows its page again with a 4xx: an error here.)
 */
async function finish(flows: SignIns, agent: UserAgent, step: Response | URL, acr?: string): Promise<Tokens> {
  const tokens = await flows.redeem(step instanceof URL ? step : await agent.authorize(step));
  if (acr !== undefined && acrOf(tokens) !== acr) throw new Error(`the sign-in ended at acr ${String(acrOf(tokens))}, not ${acr}`);
  return tokens;
}

/** Authorize, then the password of user `n` on the sign-in page: the page that follows. */
async function password(flows: SignIns, agent: UserAgent, n: number, extra?: Record<string, string>): Promise<Response | URL> {
  const html = await page(await agent.follow(await agent.get(flows.authorizationUrl(extra))), 'sign-in');
  const form = formOf(html);
  return agent.follow(await agent.post(action(html, 'login'), { _csrf: form.csrf, username: username(n), password: PASSWORD }));
}

/** The recovery codes page shown once after a first second factor is enrolled: "Continue". */
async function pastRecoveryCodes(agent: UserAgent, step: Response | URL): Promise<Response | URL> {
  const html = await page(step, 'recovery codes');
  return agent.follow(await agent.post(action(html, 'continue'), { _csrf: formOf(html).csrf }));
}

/** A TOTP authenticator of user `n`, enrolled with a password sign-in that asks for `mfa`: its app (secret), and the time step enrolling used. */
export async function enrollTotp(flows: SignIns, base: string, n: number): Promise<{ totp: OTPAuth.TOTP; step: number }> {
  const agent = new UserAgent(base);
  const html = await page(await password(flows, agent, n, { acr_values: ACR.mfa }), 'enrollment');
  const secret = /<span class="secret">([A-Z2-7 ]+)<\/span>/.exec(html)?.[1]?.replace(/ /g, '');
  if (!secret) throw new Error('the enrollment page shows no TOTP key');
  const totp = totpOf(secret);
  // The code of the step before (the server takes a step either side): enrolling spends that
  // step, and the user may sign in at once. Not within 200 ms of a step's end, where the server
  // could check it a step later, two steps off.
  const period = TOTP_PERIOD_S * 1000;
  if (Date.now() % period > period - 200) await new Promise((resolve) => setTimeout(resolve, period - (Date.now() % period) + 10));
  const before = Date.now() - period;
  const step = await agent.follow(await agent.post(action(html, 'enroll/totp'), { _csrf: formOf(html).csrf, code: totp.generate({ timestamp: before }) }));
  await finish(flows, agent, await pastRecoveryCodes(agent, step), ACR.mfa);
  return { totp, step: totp.counter({ timestamp: before }) };
}

/** A passkey of user `n` on a new software authenticator, enrolled with a password sign-in that asks for `phr`. */
export async function enrollPasskey(flows: SignIns, base: string, n: number): Promise<SoftAuthenticator> {
  const agent = new UserAgent(base);
  const html = await page(await password(flows, agent, n, { acr_values: ACR.phr }), 'enrollment');
  const options = webauthnOptions(html).passkey;
  if (!options) throw new Error('the enrollment page offers no passkey');
  const authenticator = new SoftAuthenticator(new URL(base).origin);
  const credential = JSON.stringify(authenticator.register(options));
  const step = await agent.follow(await agent.post(action(html, 'enroll/passkey'), { _csrf: formOf(html).csrf, credential }));
  await finish(flows, agent, await pastRecoveryCodes(agent, step), ACR.phr);
  return authenticator;
}

/** A whole sign-in of user `n` with a password alone; `checked`: its ID token must say so (as signIns.signIn, which the bench measures, with the claim asked for). */
export async function signInWithPassword(flows: SignIns, base: string, n: number, checked = false): Promise<Tokens> {
  const agent = new UserAgent(base);
  return finish(flows, agent, await password(flows, agent, n, checked ? ACR_CLAIM : undefined), checked ? ACR.password : undefined);
}

/**
 * A whole sign-in of user `n`: password, then the code `code()` gives (called when the page
 * asks, so that it is of the step the server checks in); `checked`: the ID token must say `mfa`.
 */
export async function signInWithTotp(flows: SignIns, base: string, n: number, code: () => string, checked = false): Promise<Tokens> {
  const agent = new UserAgent(base);
  const html = await page(await password(flows, agent, n, checked ? ACR_CLAIM : undefined), 'second factor');
  const step = await agent.follow(await agent.post(action(html, 'totp'), { _csrf: formOf(html).csrf, code: code() }));
  return finish(flows, agent, step, checked ? ACR.mfa : undefined);
}

/** A whole passwordless sign-in: the sign-in page's passkey form, answered by `authenticator`; `checked`: the ID token must say `phr`. */
export async function signInWithPasskey(flows: SignIns, base: string, authenticator: SoftAuthenticator, checked = false): Promise<Tokens> {
  const agent = new UserAgent(base);
  const html = await page(await agent.follow(await agent.get(flows.authorizationUrl(checked ? ACR_CLAIM : undefined))), 'sign-in');
  const options = webauthnOptions(html).authentication;
  if (!options) throw new Error('the sign-in page offers no passkey');
  const credential = JSON.stringify(authenticator.assert(options));
  const step = await agent.follow(await agent.post(action(html, 'passkey'), { _csrf: formOf(html).csrf, credential }));
  return finish(flows, agent, step, checked ? ACR.phr : undefined);
}

/**
 * TOTP users to sign in, least recently used first. A code is accepted once per time step per
 * authenticator (a replay otherwise), so a user signs in at most once per step: a bench needs
 * more users than sign-ins in one step, and waits when none is left.
 */
export class TotpUsers {
  private readonly queue: Array<{ user: number; totp: OTPAuth.TOTP; lastStep: number }> = [];
  /** Worker-milliseconds spent waiting for a user free in the current step. */
  waitedMs = 0;

  add(user: number, totp: OTPAuth.TOTP, lastStep: number): void {
    this.queue.push({ user, totp, lastStep });
    this.queue.sort((a, b) => a.lastStep - b.lastStep);
  }

  get size(): number {
    return this.queue.length;
  }

  /**
   * One sign-in by the least recently used user, through `signIn` (user, code), if that user's
   * code of the current step is unused; else waits (up to a second, or the next step) and
   * returns false.
   */
  async signIn(signIn: (user: number, code: () => string) => Promise<unknown>): Promise<boolean> {
    const head = this.queue[0];
    const now = Date.now();
    if (!head || head.lastStep >= Math.floor(now / (TOTP_PERIOD_S * 1000))) {
      const wait = Math.min(1000, TOTP_PERIOD_S * 1000 - (now % (TOTP_PERIOD_S * 1000)) + 20);
      await new Promise((resolve) => setTimeout(resolve, wait));
      this.waitedMs += wait;
      return false;
    }
    this.queue.shift();
    try {
      await signIn(head.user, () => {
        const at = Date.now();
        head.lastStep = head.totp.counter({ timestamp: at });
        return head.totp.generate({ timestamp: at });
      });
    } finally {
      this.queue.push(head);
    }
    return true;
  }
}
