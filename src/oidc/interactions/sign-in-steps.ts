import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { enrollmentDemanded, withinGrace } from '../../stores/tenants/sign-in-policy.js';
import type { FactorKind } from '../../stores/user-factors/user-factor.js';
import { UserFactorsStore } from '../../stores/user-factors/user-factors.store.js';
import type { User } from '../../stores/users/user.js';
import { finishInteraction, type LoadedInteraction } from '../oidc-provider-internals.js';
import type { LiveIssuer } from '../provider-registry.js';
import { newRecoveryCodes, recoveryCodeHash } from '../sign-in/factors/recovery-codes.js';
import { newTotpSecret, totpEnrollment } from '../sign-in/factors/totp.js';
import { WebAuthnCeremonies } from '../sign-in/factors/webauthn.js';
import { levelOf, requirementOf, withMethods, type Method } from '../sign-in/sign-in-level.js';
import { ACR_LEVELS } from '../../common/protocol.js';
import { nextStep, offeredAt, type Held, type NextStep } from '../sign-in/next-step.js';
import { SignInProgressStore, type SignInProgress } from '../sign-in/sign-in-progress.js';
import { SignIn } from '../sign-in/sign-in.js';
import { InteractionCsrf } from './interaction-csrf.provider.js';
import { clientPresentation, enrollPage, recoveryCodesPage, secondFactorPage, type WebAuthnOptions } from './pages.js';
import { WEBAUTHN_SCRIPT_HASHES } from './views/webauthn-scripts.js';
import { pageCsp } from '../../common/http/page-headers.js';

const WEBAUTHN_KINDS: readonly FactorKind[] = ['passkey', 'security_key'];
const NOTHING_HELD: Held = { webauthn: false, totp: false, recovery: false };

/** The level the sign-in's factors reach; through an upstream, at least what its `acr` maps to. */
const reachedBy = (progress: SignInProgress) => Math.max(levelOf(progress.amr), progress.federatedLevel ?? 0);

/** Where a page stands: the issuer, its interaction, the user the first factor named and the progress so far. */
export interface Step {
  issuer: LiveIssuer;
  details: LoadedInteraction;
  req: Request;
  res: Response;
  user: User;
  progress: SignInProgress;
}

/**
 * The steps of a sign-in after its first factor (and of a step-up): which factor it still needs,
 * by the request, the client and the tenant's policy (see sign-in-level.ts), the pages that ask
 * for it or enroll one (their forms are checked in factor-forms.ts). Each factor presented adds its
 * methods to the interaction's progress; when the sign-in has what it needs, the interaction
 * finishes with the `acr` and `amr` those methods reach.
 */
@Injectable()
export class SignInSteps {
  constructor(
    private readonly factors: UserFactorsStore,
    private readonly webauthn: WebAuthnCeremonies,
    private readonly progress: SignInProgressStore,
    private readonly signIn: SignIn,
    private readonly csrf: InteractionCsrf,
  ) {}

  /** Methods added by a factor: the progress is saved, and the sign-in moves on. */
  async advance(step: Step, methods: Method[]): Promise<void> {
    const progress = { ...step.progress, amr: withMethods(step.progress.amr, ...methods), totpSecret: undefined, stepped: true };
    await this.progress.save(step.issuer.tenant.issuerId, step.details.uid, progress);
    return this.next({ ...step, progress });
  }

  /** Shows what the sign-in needs next, or finishes it (see nextStep); `error` shows on its page, with `status`. */
  async next(step: Step, error?: string, status = 401): Promise<void> {
    const { next, held } = await this.assess(step);
    switch (next.step) {
      case 'finish':
        return this.finish(step);
      case 'verify':
        return this.secondFactorPage(step, offeredAt(held, next.level), error, status);
      case 'enroll':
        return this.enrollPage(step, next, error, status);
      case 'fail':
        await this.progress.clear(step.issuer.tenant.issuerId, step.details.uid);
        return finishInteraction(
          step.details,
          step.res,
          { error: 'unmet_authentication_requirements', error_description: 'the user cannot reach the authentication level required' },
          { mergeWithLastSubmission: false },
        );
    }
  }

  async decide(step: Step): Promise<NextStep> {
    return (await this.assess(step)).next;
  }

  /** The next step, and what the user holds that it was decided on (which its forms offer). */
  private async assess({ issuer, details, user, progress }: Step): Promise<{ next: NextStep; held: Held }> {
    const policy = issuer.tenant.signInPolicy;
    const enrollable = (['passkey', 'security_key', 'totp'] as const).filter((kind) => policy.factors.includes(kind));
    // The enroll prompt: the page until a factor is added (or "Not now"), then on.
    if (progress.enrollOnly) {
      const done = progress.enrolled || progress.skipped || !enrollable.length;
      return { next: done ? { step: 'finish' } : { step: 'enroll', level: 1, kinds: enrollable, skippable: true, why: 'prompt' }, held: NOTHING_HELD };
    }
    const client = await issuer.provider.Client.find(String(details.params.client_id));
    const held = await this.held(issuer, user.userId);
    const next = nextStep({
      reached: reachedBy(progress),
      requirement: requirementOf(details.params, client?.['minimum_acr' as keyof typeof client], policy),
      held,
      enrollable,
      askHolders: policy.secondFactor === 'when_enrolled',
      enrollmentDemanded: enrollmentDemanded(policy),
      withinGrace: withinGrace(policy),
      skipped: progress.skipped === true,
    });
    return { next, held };
  }

  /** The sign-in is done: its progress is forgotten, the user's failures cleared, and the interaction finished with what it reached. */
  private async finish({ issuer, details, user, progress, res }: Step): Promise<void> {
    await this.progress.clear(issuer.tenant.issuerId, details.uid);
    // The enroll prompt adds a factor, not to the session's sign-in: its acr and amr stay as they were.
    if (progress.enrollOnly) return finishInteraction(details, res, { enroll: {} }, { mergeWithLastSubmission: true });
    await this.signIn.completed(issuer.tenant.issuerId, user.username, !progress.stepped && progress.firstAttempt === true);
    const login = { accountId: user.userId, acr: ACR_LEVELS[reachedBy(progress)], amr: progress.amr, ts: progress.ts ?? Math.floor(Date.now() / 1000) };
    await finishInteraction(details, res, { login }, { mergeWithLastSubmission: false });
  }

  /** What the user holds that the tenant accepts as a factor after the first. */
  async held(issuer: LiveIssuer, userId: string): Promise<Held> {
    const kinds = await this.factors.kinds(issuer.tenant.issuerId, userId);
    const allowed = new Set<string>(issuer.tenant.signInPolicy.factors);
    return {
      webauthn: WEBAUTHN_KINDS.some((kind) => kinds.has(kind) && allowed.has(kind)),
      totp: kinds.has('totp') && allowed.has('totp'),
      recovery: kinds.has('recovery_codes') && allowed.has('recovery_code'),
    };
  }

  base({ issuer, details }: Pick<Step, 'issuer' | 'details'>): string {
    return `/${issuer.tenant.issuerId}/interaction/${details.uid}`;
  }

  private async secondFactorPage(step: Step, offered: Held, error?: string, status = 401): Promise<void> {
    const { issuer, details, req, res, user } = step;
    const base = this.base(step);
    let options: WebAuthnOptions | undefined;
    if (offered.webauthn) {
      const allowed = (await this.factors.credentials(issuer.tenant.issuerId, user.userId)).filter((credential) =>
        issuer.tenant.signInPolicy.factors.includes(credential.kind),
      );
      const authentication = await this.webauthn.authenticationOptions(allowed);
      await this.progress.putChallenge(issuer.tenant.issuerId, details.uid, authentication.challenge);
      options = { authentication };
    }
    const client = clientPresentation(String(details.params.client_id), await issuer.provider.Client.find(String(details.params.client_id)));
    res.status(error ? status : 200);
    this.html(
      res,
      secondFactorPage(issuer.branding, {
        intro:
          !offered.totp && !offered.recovery
            ? `${user.username}, this application asks for a passkey or a security key.`
            : `${user.username}, confirm it’s you with another way of signing in.`,
        abort: `${base}/abort`,
        csrf: this.csrf.issue(req, res),
        client,
        webauthn: offered.webauthn ? `${base}/webauthn` : undefined,
        totp: offered.totp ? `${base}/totp` : undefined,
        recovery: offered.recovery ? `${base}/recovery` : undefined,
        error,
        options,
      }),
      options !== undefined,
    );
  }

  private async enrollPage(step: Step, { kinds, skippable, why }: Extract<NextStep, { step: 'enroll' }>, error?: string, status = 401): Promise<void> {
    const { issuer, details, req, res, user } = step;
    const { tenant } = issuer;
    const base = this.base(step);
    let progress = step.progress;
    let totp: { action: string; secret: string; qrSvg: string } | undefined;
    if (kinds.includes('totp')) {
      // One secret per interaction: a page reloaded (or a wrong code) shows the one the app may already hold.
      if (!progress.totpSecret) {
        progress = { ...progress, totpSecret: newTotpSecret() };
        await this.progress.save(tenant.issuerId, details.uid, progress);
      }
      const { qrSvg } = await totpEnrollment(progress.totpSecret!, tenant.displayName, user.username);
      totp = { action: `${base}/enroll/totp`, secret: progress.totpSecret!.replace(/(.{4})/g, '$1 ').trim(), qrSvg };
    }
    let options: WebAuthnOptions | undefined;
    const webauthnKinds = kinds.filter((kind) => kind !== 'totp');
    if (webauthnKinds.length > 0) {
      // One challenge for either kind: the interaction has one outstanding at a time.
      const challenge = isoBase64URL.fromBuffer(randomBytes(32));
      const existing = await this.factors.credentials(tenant.issuerId, user.userId);
      const who = { userId: user.userId, username: user.username, tenantName: tenant.displayName };
      options = {};
      for (const kind of webauthnKinds) options[kind] = { ...(await this.webauthn.registrationOptions(kind, who, existing)), challenge };
      await this.progress.putChallenge(tenant.issuerId, details.uid, challenge);
    }
    res.status(error ? status : 200);
    this.html(
      res,
      enrollPage(issuer.branding, {
        intro:
          why === 'policy'
            ? `${user.username}, ${tenant.displayName} asks everyone to set up a second way to sign in.`
            : why === 'prompt'
              ? `${user.username}, add a passkey, a security key or an authenticator app to sign in with.`
              : `${user.username}, this sign-in needs a second factor. Set one up to continue.`,
        abort: `${base}/abort`,
        csrf: this.csrf.issue(req, res),
        passkey: webauthnKinds.includes('passkey') ? `${base}/enroll/passkey` : undefined,
        securityKey: webauthnKinds.includes('security_key') ? `${base}/enroll/security-key` : undefined,
        totp,
        skip: skippable ? `${base}/enroll/skip` : undefined,
        error,
        options,
      }),
      options !== undefined,
    );
  }

  /** Whether the step the sign-in is at offers this factor's form (a form of another step changes nothing). */
  async offers(step: Step, factor: keyof Held): Promise<boolean> {
    const { next, held } = await this.assess(step);
    return next.step === 'verify' && offeredAt(held, next.level)[factor];
  }

  /** Whether the step the sign-in is at offers enrolling this kind. */
  async enrolls(step: Step, kind: 'passkey' | 'security_key' | 'totp'): Promise<boolean> {
    const next = await this.decide(step);
    return next.step === 'enroll' && next.kinds.includes(kind);
  }

  /** After a first second factor: recovery codes, if the tenant allows them and the user has none, shown once; then on. */
  async enrolled(step: Step, methods: Method[], uid: string): Promise<void> {
    const { issuer, user, req, res } = step;
    const issuerId = issuer.tenant.issuerId;
    const progress = { ...step.progress, amr: withMethods(step.progress.amr, ...methods), totpSecret: undefined, stepped: true, enrolled: true };
    await this.progress.save(issuerId, uid, progress);
    if (!issuer.tenant.signInPolicy.factors.includes('recovery_code') || (await this.held(issuer, user.userId)).recovery)
      return this.next({ ...step, progress });
    const codes = newRecoveryCodes();
    await this.factors.replaceRecoveryCodes(issuerId, user.userId, codes.map(recoveryCodeHash));
    // A page, not a resource created: without a status of its own, the POST route answers 201.
    res.status(200);
    this.html(res, recoveryCodesPage(issuer.branding, { action: `${this.base(step)}/continue`, csrf: this.csrf.issue(req, res), codes }), false);
  }

  html(res: Response, body: string, scripts: boolean): void {
    if (scripts) res.set('Content-Security-Policy', pageCsp(WEBAUTHN_SCRIPT_HASHES));
    res.type('html').set('Cache-Control', 'no-store').send(body);
  }
}
