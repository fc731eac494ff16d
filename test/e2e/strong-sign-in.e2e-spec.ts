import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { Authenticator } from '../helpers/authenticator.js';
import { formActionEndingWith, formOf, UserAgent } from '../helpers/browserless.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const ACR = { password: 'urn:portcullis:acr:password', mfa: 'urn:portcullis:acr:mfa', phr: 'phr' };
/** LOGIN_MAX_FAILURES_PER_USER: low, so a lockout takes a few attempts. */
const MAX_FAILURES = 3;

const TITLES = {
  login: 'Sign in',
  verify: 'Verify it’s you',
  enroll: 'Set up two-step verification',
  codes: 'Save your recovery codes',
  consent: 'Allow access?',
};

/** A page Portcullis showed, or the client's redirect URI the browser was sent back to. */
interface Page {
  status: number;
  html: string;
  title: string;
  /** The error the page shows, if any. */
  error?: string;
}
type Landing = Page | URL;

interface Issuer {
  /** The deployment's URL. */
  url: string;
  issuerId: string;
  issuer: string;
  config: oidc.Configuration;
}

interface User {
  userId: string;
  username: string;
  password: string;
}

/** A user who enrolled an authenticator app (and got recovery codes) in a sign-in with `agent`. */
interface EnrolledUser extends User {
  app: Authenticator;
  codes: string[];
  agent: UserAgent;
}

describe('strong sign-in: second factors, enrollment, step-up and their policy', () => {
  let running: RunningApp;
  let api: ReturnType<typeof adminApi>;
  /** Default sign-in policy: every factor, a second factor of whoever enrolled one. */
  let plain: Issuer;

  beforeAll(async () => {
    running = await startApp({ LOGIN_MAX_FAILURES_PER_USER: String(MAX_FAILURES), LOGIN_MAX_FAILURES_PER_IP: '1000' });
    api = adminApi(running.url);
    plain = await newIssuer();
  });
  afterAll(() => running.close());

  /** A new tenant (of `at`, the app by default) and a client of it. */
  async function newIssuer(body: Record<string, unknown> = {}, client: Record<string, unknown> = {}, at = running): Promise<Issuer> {
    const { issuerId, issuer } = await createTenant(at.url, body);
    const target = { url: at.url, issuerId, issuer };
    return { ...target, config: await clientOf(target, client) };
  }

  /** A public client (PKCE) of `issuer`, with `metadata` on top. */
  async function clientOf({ url, issuerId, issuer }: Omit<Issuer, 'config'>, metadata: Record<string, unknown> = {}) {
    const { clientId } = await createClient(url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none', ...metadata });
    return discover(issuer, clientId, oidc.None());
  }

  async function newUser({ url, issuerId }: Issuer): Promise<User> {
    const user = { username: `u${randomBytes(4).toString('hex')}`, password: 'a long and fine passphrase' };
    const reply = await adminApi(url).post(`/v1/tenants/${issuerId}/users`, user);
    expect(reply.status).toBe(201);
    return { ...user, userId: reply.body.user_id };
  }

  const factorsOf = async ({ url, issuerId }: Issuer, { userId }: User) => {
    const reply = await adminApi(url).get(`/v1/tenants/${issuerId}/users/${userId}/factors`);
    expect(reply.status).toBe(200);
    return reply.body.items as Array<{ factor_id: string; kind: string; remaining_codes?: number }>;
  };

  /** One authorization request in one browser, page by page, until its code is redeemed. */
  class Flow {
    landing!: Landing;
    private checks!: { pkceCodeVerifier: string; expectedState: string; expectedNonce: string };

    private constructor(
      readonly agent: UserAgent,
      private readonly config: oidc.Configuration,
    ) {}

    static async start(target: Issuer, params: Record<string, string> = {}, agent = new UserAgent(target.url), config = target.config) {
      const flow = new Flow(agent, config);
      const { url, checks } = await authorizationRequest(config, REDIRECT, params);
      flow.checks = checks;
      flow.landing = await flow.land(await agent.get(url));
      return flow;
    }

    /** The page the browser is at (failing when it was sent back to the client). */
    get page(): Page {
      if (this.landing instanceof URL) throw new Error(`expected a page, the browser is back at the client: ${this.landing.href}`);
      return this.landing;
    }

    /** Where the browser was sent back to the client (failing when it is at a page). */
    get callback(): URL {
      if (!(this.landing instanceof URL)) throw new Error(`expected the client's redirect URI, got the page "${this.landing.title}" (${this.landing.status})`);
      return this.landing;
    }

    /** Posts the form of the current page whose action ends with `suffix`. */
    async post(suffix: string, fields: Record<string, string> = {}): Promise<Landing> {
      const { html, title } = this.page;
      const action = formActionEndingWith(html, suffix);
      if (!action) throw new Error(`the page "${title}" has no form posting to …${suffix}`);
      this.landing = await this.land(await this.agent.post(action, { _csrf: formOf(html).csrf, ...fields }));
      return this.landing;
    }

    /** The password step, with `user`'s password unless told otherwise. */
    signIn(user: User, password = user.password): Promise<Landing> {
      expect(this.page.title).toBe(TITLES.login);
      return this.post('/login', { username: user.username, password });
    }

    /** Enrolls an authenticator app from the enrollment page, with its first code: the app, to give the next codes. */
    async enrollApp(): Promise<Authenticator> {
      expect(this.page.title).toBe(TITLES.enroll);
      const shown = /<span class="secret">([A-Z2-7 ]+)<\/span>/.exec(this.page.html)?.[1];
      if (!shown) throw new Error('the enrollment page shows no authenticator app key');
      const app = new Authenticator(shown);
      await this.post('/enroll/totp', { code: app.code() });
      return app;
    }

    /** Allows the consent page if it is shown, then redeems the code: the ID token's claims. */
    async idToken(): Promise<oidc.IDToken> {
      if (!(this.landing instanceof URL) && this.landing.title === TITLES.consent) await this.post('/confirm');
      const tokens = await oidc.authorizationCodeGrant(this.config, this.callback, this.checks);
      return tokens.claims()!;
    }

    /** Asks for the interaction's page again, as a reload does. */
    async reload(): Promise<Landing> {
      this.landing = await this.land(await this.agent.get(this.interactionUrl()));
      return this.landing;
    }

    /** The interaction's own URL (what a reload of its page asks for), from the page's forms. */
    interactionUrl(): string {
      const url = /action="([^"]*\/interaction\/[^/"]+)\//.exec(this.page.html)?.[1];
      if (!url) throw new Error(`the page "${this.page.title}" has no form of an interaction`);
      return url;
    }

    private async land(res: Response): Promise<Landing> {
      const next = await this.agent.follow(res);
      if (next instanceof URL) return next;
      const html = await next.text();
      const title = /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
      const error = /<p class="error" role="alert">([^<]*)<\/p>/.exec(html)?.[1];
      return { status: next.status, html, title, error };
    }
  }

  /** Recovery codes as the page lists them. */
  const recoveryCodesOn = (page: Page) => [...page.html.matchAll(/<li>([a-z2-9]{4}(?:-[a-z2-9]{4}){3})<\/li>/g)].map((m) => m[1]);

  /**
   * A new user of `target` who enrolled an authenticator app, through a sign-in that asks for
   * the mfa level (`acr_values`), which takes a user without a second factor to enrollment.
   */
  async function enrolledUser(target: Issuer = plain): Promise<EnrolledUser> {
    const user = await newUser(target);
    const flow = await Flow.start(target, { acr_values: ACR.mfa });
    await flow.signIn(user);
    const app = await flow.enrollApp();
    expect(flow.page.title).toBe(TITLES.codes);
    const codes = recoveryCodesOn(flow.page);
    await flow.post('/continue');
    expect((await flow.idToken()).acr).toBe(ACR.mfa);
    return { ...user, app, codes, agent: flow.agent };
  }

  const sorted = (amr: unknown) => [...(amr as string[])].sort();

  it('a tenant requiring enrollment: password, then an authenticator app and ten recovery codes shown once; the ID token says mfa', async () => {
    const target = await newIssuer();
    const patched = await api.patch(`/v1/tenants/${target.issuerId}`, { sign_in_policy: { enrollment_required: true } });
    expect(patched.status).toBe(200);
    expect(patched.body.sign_in_policy).toMatchObject({
      enrollment_required: true,
      second_factor: 'when_enrolled',
      enrollment_required_since: expect.any(String),
    });
    const user = await newUser(target);

    const flow = await Flow.start(target);
    const before = Math.floor(Date.now() / 1000);
    await flow.signIn(user);
    expect(flow.page.title).toBe(TITLES.enroll);
    // No grace period: enrolling cannot wait.
    expect(formActionEndingWith(flow.page.html, '/enroll/skip')).toBeUndefined();
    const app = await flow.enrollApp();

    expect(flow.page).toMatchObject({ status: 200, title: TITLES.codes });
    const codes = recoveryCodesOn(flow.page);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    // Shown once: reloaded, the sign-in goes on (to consent) without them.
    await flow.reload();
    expect(flow.page.title).toBe(TITLES.consent);
    for (const code of codes) expect(flow.page.html).not.toContain(code);

    const claims = await flow.idToken();
    expect(claims.acr).toBe(ACR.mfa);
    expect(sorted(claims.amr)).toEqual(['mfa', 'otp', 'pwd']);
    expect(claims.auth_time).toBeGreaterThanOrEqual(before - 1);
    expect(claims.auth_time).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));

    const factors = await factorsOf(target, user);
    expect(factors.map((factor) => factor.kind).sort()).toEqual(['recovery_codes', 'totp']);
    expect(factors.find((factor) => factor.kind === 'recovery_codes')!.remaining_codes).toBe(10);
    const listed = JSON.stringify(factors);
    for (const secret of [app.secret, app.shown, ...codes, ...codes.map((code) => code.replace(/-/g, ''))]) expect(listed).not.toContain(secret);
    expect(listed).not.toMatch(/secret|hash/i);
  });

  it('an enrolled user is asked for a code after the password: a wrong one is refused and issues nothing, the right one gives mfa, a replayed one is refused', async () => {
    const user = await enrolledUser();

    const flow = await Flow.start(plain);
    await flow.signIn(user);
    expect(flow.page).toMatchObject({ status: 200, title: TITLES.verify });
    await flow.post('/totp', { code: user.app.wrongCode() });
    expect(flow.page).toMatchObject({ status: 401, title: TITLES.verify, error: expect.stringContaining('not right') });
    const code = user.app.code();
    await flow.post('/totp', { code });
    const claims = await flow.idToken();
    expect(claims.acr).toBe(ACR.mfa);
    expect(sorted(claims.amr)).toEqual(['mfa', 'otp', 'pwd']);

    // The same code in another sign-in (another browser) is a replay.
    const replay = await Flow.start(plain);
    await replay.signIn(user);
    await replay.post('/totp', { code });
    expect(replay.page).toMatchObject({ status: 401, title: TITLES.verify, error: expect.stringContaining('already used') });
  });

  it('a recovery code signs in once (amr otp and mfa); remaining_codes goes from 10 to 9', async () => {
    const user = await enrolledUser();
    const [code] = user.codes;
    const remaining = async () => (await factorsOf(plain, user)).find((factor) => factor.kind === 'recovery_codes')?.remaining_codes;
    expect(await remaining()).toBe(10);

    const flow = await Flow.start(plain);
    await flow.signIn(user);
    // Typed as people type them: upper case, spaces for dashes.
    await flow.post('/recovery', { code: code.toUpperCase().replace(/-/g, ' ') });
    const claims = await flow.idToken();
    expect(claims.acr).toBe(ACR.mfa);
    expect(claims.amr).toEqual(expect.arrayContaining(['pwd', 'otp', 'mfa']));
    expect(await remaining()).toBe(9);

    const again = await Flow.start(plain);
    await again.signIn(user);
    await again.post('/recovery', { code });
    expect(again.page).toMatchObject({ status: 401, title: TITLES.verify, error: expect.stringContaining('already used') });
    expect(await remaining()).toBe(9);
  });

  it('wrong codes count toward the lockout, a correct password in between does not clear them, and then even the right code gets 429', async () => {
    const user = await enrolledUser();

    const first = await Flow.start(plain);
    await first.signIn(user);
    for (let attempt = 1; attempt < MAX_FAILURES; attempt++) {
      await first.post('/totp', { code: user.app.wrongCode() });
      expect(first.page.status).toBe(401);
    }
    // The right password, in another browser: the sign-in goes on to the code, and the failures stay counted.
    const second = await Flow.start(plain);
    await second.signIn(user);
    expect(second.page).toMatchObject({ status: 200, title: TITLES.verify });
    await second.post('/totp', { code: user.app.wrongCode() });
    expect(second.page.status).toBe(401);
    await second.post('/totp', { code: user.app.code() });
    // Locked out by the failures (for LOGIN_LOCKOUT_SECONDS), not kept waiting for attempts in flight (a second).
    const LOCKED = 'Too many failed attempts. Try again in 15 minutes.';
    expect(second.page).toMatchObject({ status: 429, error: LOCKED });

    // Locked means locked: the password is refused too.
    const third = await Flow.start(plain);
    await third.signIn(user);
    expect(third.page).toMatchObject({ status: 429, title: TITLES.login, error: LOCKED });

    const events = async (action: string) =>
      (
        (await api.get(`/v1/audit-events?action=${action}&issuer_id=${plain.issuerId}&limit=100`)).body.items as Array<{
          resource_id: string;
          after: { factor?: string } | null;
        }>
      ).filter((event) => event.resource_id === user.userId);
    expect((await events('login.failed')).map((event) => event.after?.factor)).toEqual(Array(MAX_FAILURES).fill('totp'));
    expect((await events('login.locked_out')).map((event) => event.after?.factor)).toEqual(['totp']);
  });

  it("sign-ins that stop at the code page hold none of the user's budget: the password still leads to the code", async () => {
    const user = await enrolledUser();
    for (let abandoned = 0; abandoned <= MAX_FAILURES; abandoned++) {
      const flow = await Flow.start(plain);
      await flow.signIn(user);
      expect({ abandoned, status: flow.page.status, title: flow.page.title }).toEqual({ abandoned, status: 200, title: TITLES.verify });
    }
  });

  it("two-factor sign-ins that succeed spend none of the client IP's budget of failures", async () => {
    const budget = 3;
    const other = await startApp({ LOGIN_MAX_FAILURES_PER_IP: String(budget) });
    try {
      const target = await newIssuer({}, {}, other);
      const user = await enrolledUser(target);
      // Password and recovery code (one-time, so as many as wanted within a TOTP step), one sign-in after another.
      for (const code of user.codes.slice(0, budget + 1)) {
        const flow = await Flow.start(target);
        await flow.signIn(user);
        await flow.post('/recovery', { code });
        expect((await flow.idToken()).acr).toBe(ACR.mfa);
      }
    } finally {
      await other.close();
    }
  });

  it('step-up: a password session asked for mfa enrolls without the password again; prompt=none gets login_required', async () => {
    const user = await newUser(plain);
    const agent = new UserAgent(running.url);
    const signedIn = await Flow.start(plain, {}, agent);
    await signedIn.signIn(user);
    const first = await signedIn.idToken();
    expect(first).toMatchObject({ acr: ACR.password, amr: ['pwd'] });

    const silent = await Flow.start(plain, { acr_values: ACR.mfa, prompt: 'none' }, agent);
    expect(silent.callback.searchParams.get('error')).toBe('login_required');

    const stepUp = await Flow.start(plain, { acr_values: ACR.mfa }, agent);
    expect(stepUp.page.title).toBe(TITLES.enroll);
    expect(stepUp.page.html).not.toContain('name="password"');
    // Only acr_values asked: enrolling may wait.
    expect(formActionEndingWith(stepUp.page.html, '/enroll/skip')).toBeDefined();
    await stepUp.enrollApp();
    await stepUp.post('/continue');
    const claims = await stepUp.idToken();
    expect(claims.acr).toBe(ACR.mfa);
    expect(sorted(claims.amr)).toEqual(['mfa', 'otp', 'pwd']);
    expect(claims.sub).toBe(first.sub);
  });

  it('acr_values asks, it does not require: "Not now", or a tenant with no second factor, signs in at the password level', async () => {
    const passwordOnly = await newIssuer({ sign_in_policy: { factors: ['password'] } });
    const unable = await Flow.start(passwordOnly, { acr_values: ACR.mfa });
    await unable.signIn(await newUser(passwordOnly));
    expect(await unable.idToken()).toMatchObject({ acr: ACR.password, amr: ['pwd'] });

    const flow = await Flow.start(plain, { acr_values: ACR.mfa });
    await flow.signIn(await newUser(plain));
    expect(flow.page.title).toBe(TITLES.enroll);
    await flow.post('/enroll/skip');
    expect(await flow.idToken()).toMatchObject({ acr: ACR.password, amr: ['pwd'] });
  });

  it('step-up by the claims parameter (essential acr) works the same way, and enrolling cannot wait', async () => {
    const user = await newUser(plain);
    const agent = new UserAgent(running.url);
    const signedIn = await Flow.start(plain, {}, agent);
    await signedIn.signIn(user);
    expect((await signedIn.idToken()).acr).toBe(ACR.password);

    const claimsParam = JSON.stringify({ id_token: { acr: { essential: true, values: [ACR.mfa] } } });
    const silent = await Flow.start(plain, { claims: claimsParam, prompt: 'none' }, agent);
    expect(silent.callback.searchParams.get('error')).toBe('login_required');

    const stepUp = await Flow.start(plain, { claims: claimsParam }, agent);
    expect(stepUp.page.title).toBe(TITLES.enroll);
    expect(stepUp.page.html).not.toContain('name="password"');
    expect(formActionEndingWith(stepUp.page.html, '/enroll/skip')).toBeUndefined();
    await stepUp.enrollApp();
    await stepUp.post('/continue');
    expect((await stepUp.idToken()).acr).toBe(ACR.mfa);
  });

  it('max_age=0 and prompt=login ask an enrolled user for the password and the code again', async () => {
    const user = await enrolledUser();

    const aged = await Flow.start(plain, { max_age: '0' }, user.agent);
    const before = Math.floor(Date.now() / 1000);
    await aged.signIn(user);
    expect(aged.page.title).toBe(TITLES.verify);
    await aged.post('/totp', { code: user.app.code() });
    const claims = await aged.idToken();
    expect(claims.acr).toBe(ACR.mfa);
    expect(claims.auth_time).toBeGreaterThanOrEqual(before - 1);

    const login = await Flow.start(plain, { prompt: 'login' }, user.agent);
    await login.signIn(user);
    expect(login.page.title).toBe(TITLES.verify);
    // Both codes of the window are used: a recovery code is the second factor here.
    await login.post('/recovery', { code: user.codes[0] });
    expect((await login.idToken()).acr).toBe(ACR.mfa);
  });

  it('a client with minimum_acr mfa: unmet_authentication_requirements where no second factor is allowed; else enrollment with no "Not now"', async () => {
    const passwordOnly = await newIssuer({ sign_in_policy: { factors: ['password'] } }, { minimum_acr: ACR.mfa });
    const refused = await Flow.start(passwordOnly);
    await refused.signIn(await newUser(passwordOnly));
    expect(refused.callback.searchParams.get('error')).toBe('unmet_authentication_requirements');

    const strict = { ...plain, config: await clientOf(plain, { minimum_acr: ACR.mfa }) };
    const flow = await Flow.start(strict);
    await flow.signIn(await newUser(strict));
    expect(flow.page.title).toBe(TITLES.enroll);
    expect(flow.page.html).not.toContain('Not now');
    expect(formActionEndingWith(flow.page.html, '/enroll/skip')).toBeUndefined();
    // Skipping anyway (a forged post) leaves the sign-in at enrollment.
    const skip = await flow.agent.post(`${flow.interactionUrl()}/enroll/skip`, { _csrf: formOf(flow.page.html).csrf });
    expect(skip.status).toBe(200);
    expect(await skip.text()).toContain(TITLES.enroll);
  });

  it('second_factor always with a grace period offers "Not now" (the sign-in ends at password); without one, not', async () => {
    const graceful = await newIssuer({ sign_in_policy: { second_factor: 'always', enrollment_grace_days: 14 } });
    const flow = await Flow.start(graceful);
    await flow.signIn(await newUser(graceful));
    expect(flow.page.title).toBe(TITLES.enroll);
    await flow.post('/enroll/skip');
    const claims = await flow.idToken();
    expect(claims).toMatchObject({ acr: ACR.password, amr: ['pwd'] });

    const strict = await newIssuer({ sign_in_policy: { second_factor: 'always', enrollment_grace_days: 0 } });
    const noGrace = await Flow.start(strict);
    await noGrace.signIn(await newUser(strict));
    expect(noGrace.page.title).toBe(TITLES.enroll);
    expect(noGrace.page.html).not.toContain('Not now');
    const skip = await noGrace.agent.post(`${noGrace.interactionUrl()}/enroll/skip`, { _csrf: formOf(noGrace.page.html).csrf });
    expect(await skip.text()).toContain(TITLES.enroll);
  });

  describe('admin API', () => {
    it.each([
      [{ factors: [] }, 'sign_in_policy.factors'],
      [{ factors: ['totp'] }, 'sign_in_policy.factors'],
      [{ second_factor: 'always', factors: ['password'] }, 'sign_in_policy.factors'],
    ])('refuses the sign_in_policy %j with 422 naming %s, and changes nothing', async (policy, field) => {
      const before = (await api.get(`/v1/tenants/${plain.issuerId}`)).body.sign_in_policy;
      const reply = await api.patch(`/v1/tenants/${plain.issuerId}`, { sign_in_policy: policy });
      expect(reply.status).toBe(422);
      expect(reply.body.details).toEqual([{ field, message: expect.any(String) }]);
      expect((await api.get(`/v1/tenants/${plain.issuerId}`)).body.sign_in_policy).toEqual(before);
    });

    it('refuses a client minimum_acr Portcullis does not offer, naming it', async () => {
      const reply = await api.post(`/v1/tenants/${plain.issuerId}/clients`, { redirect_uris: [REDIRECT], minimum_acr: 'gold' });
      expect(reply.status).toBe(422);
      expect(reply.body.details).toEqual([{ field: 'minimum_acr', message: expect.any(String) }]);
    });

    it("removes one factor or all (audited); another user's or tenant's factor is not found", async () => {
      const user = await enrolledUser();
      const other = await enrolledUser();
      const elsewhere = await newIssuer();
      const stranger = await enrolledUser(elsewhere);
      const totpOf = async (target: Issuer, owner: User) => (await factorsOf(target, owner)).find((factor) => factor.kind === 'totp')!.factor_id;
      const path = `/v1/tenants/${plain.issuerId}/users/${user.userId}/factors`;

      for (const factorId of [await totpOf(plain, other), await totpOf(elsewhere, stranger), '00000000-0000-4000-8000-000000000000', 'not-a-uuid'])
        expect((await api.delete(`${path}/${factorId}`)).status).toBe(404);
      expect(await factorsOf(plain, other)).toHaveLength(2);
      expect(await factorsOf(elsewhere, stranger)).toHaveLength(2);

      const totp = await totpOf(plain, user);
      expect((await api.delete(`${path}/${totp}`)).status).toBe(204);
      expect((await factorsOf(plain, user)).map((factor) => factor.kind)).toEqual(['recovery_codes']);
      // Recovery codes alone are no second factor to ask for: the password signs in.
      const flow = await Flow.start(plain);
      await flow.signIn(user);
      expect(await flow.idToken()).toMatchObject({ acr: ACR.password, amr: ['pwd'] });

      expect(await api.post(`${path}/reset`, {})).toMatchObject({ status: 200, body: { removed: 1 } });
      expect(await factorsOf(plain, user)).toEqual([]);

      const audited = async (action: string) =>
        (await api.get(`/v1/tenants/${plain.issuerId}/audit-events?action=${action}&resource_type=user&resource_id=${user.userId}`)).body.items;
      expect(await audited('user.factor_removed')).toEqual([expect.objectContaining({ before: expect.objectContaining({ factor_id: totp, kind: 'totp' }) })]);
      expect(await audited('user.factors_reset')).toEqual([expect.objectContaining({ after: { removed: 1 } })]);
    });
  });

  describe('bad input changes nothing', () => {
    it('NUL bytes and 10 KB strings in code fields get the page again with an error, never a 500', async () => {
      const user = await enrolledUser();
      const flow = await Flow.start(plain);
      await flow.signIn(user);
      // Two attempts, each a failed sign-in: below the lockout.
      for (const [suffix, code] of [
        ['/totp', '1'.repeat(10_240)],
        ['/recovery', `${user.codes[0]}\u0000`],
      ]) {
        await flow.post(suffix, { code });
        expect({ suffix, status: flow.page.status, title: flow.page.title }).toEqual({ suffix, status: 401, title: TITLES.verify });
        expect(flow.page.error).toBeTruthy();
      }
      // The recovery code the NUL was appended to is not used up.
      expect((await factorsOf(plain, user)).find((factor) => factor.kind === 'recovery_codes')!.remaining_codes).toBe(10);

      const newcomer = await Flow.start(plain, { acr_values: ACR.mfa });
      await newcomer.signIn(await newUser(plain));
      for (const code of ['12\u00003456', '1'.repeat(10_240)]) {
        await newcomer.post('/enroll/totp', { code });
        expect(newcomer.page).toMatchObject({ status: 401, title: TITLES.enroll, error: expect.stringContaining('not right') });
      }
    });

    it('a code posted before the password step is out of step (400); another tenant cannot reach an interaction', async () => {
      const user = await enrolledUser();
      const flow = await Flow.start(plain);
      const base = flow.interactionUrl();
      const csrf = formOf(flow.page.html).csrf;
      for (const step of ['totp', 'recovery', 'enroll/totp', 'enroll/skip', 'continue']) {
        const res = await flow.agent.post(`${base}/${step}`, { _csrf: csrf, code: user.app.wrongCode() });
        expect({ step, status: res.status }).toEqual({ step, status: 400 });
        expect(await res.text()).toContain('Sign-in interrupted');
      }

      // The same interaction under another issuer's name, with this browser's cookies for it (the
      // browser itself would not send them there: they are scoped to the issuer's path).
      const elsewhere = await newIssuer();
      const own = new URL(base, running.url).href;
      const foreign = own.replace(`/${plain.issuerId}/`, `/${elsewhere.issuerId}/`);
      const cookie = await flow.agent.jar.getCookieString(own);
      const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
      // At its own issuer, those cookies open the sign-in page.
      const control = await fetch(own, { headers: { cookie }, redirect: 'manual' });
      expect({ status: control.status, page: /<h1>([^<]*)<\/h1>/.exec(await control.text())?.[1] }).toEqual({ status: 200, page: TITLES.login });
      const shown = await fetch(foreign, { headers: { cookie }, redirect: 'manual' });
      expect(shown.status).toBe(400);
      expect(await shown.text()).toContain('Sign-in expired');
      for (const step of ['login', 'totp']) {
        const body = new URLSearchParams({ _csrf: csrf, username: user.username, password: user.password, code: user.app.wrongCode() });
        const posted = await fetch(`${foreign}/${step}`, { method: 'POST', headers, body, redirect: 'manual' });
        expect({ step, status: posted.status }).toEqual({ step, status: 400 });
        expect(await posted.text()).toContain('Sign-in expired');
      }

      // The interaction itself is untouched: the sign-in goes on at its own issuer.
      await flow.signIn(user);
      expect(flow.page.title).toBe(TITLES.verify);
    });
  });

  it('discovery lists the three levels in acr_values_supported, weakest first', async () => {
    const metadata = (await (await fetch(`${plain.issuer}/.well-known/openid-configuration`)).json()) as { acr_values_supported: string[] };
    expect(metadata.acr_values_supported).toEqual([ACR.password, ACR.mfa, ACR.phr]);
  });
});
