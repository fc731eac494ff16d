import { Injectable } from '@nestjs/common';
import { jsonOf, textOf } from '../../common/validation/text.js';
import { UserFactorsStore } from '../../stores/user-factors/user-factors.store.js';
import { recoveryCodeHash } from '../sign-in/factors/recovery-codes.js';
import { totpStep } from '../sign-in/factors/totp.js';
import { WebAuthnCeremonies } from '../sign-in/factors/webauthn.js';
import { SignInProgressStore } from '../sign-in/sign-in-progress.js';
import { SignIn, type SignInRefusal } from '../sign-in/sign-in.js';
import { SignInSteps, type Step } from './sign-in-steps.js';

/** What a refused factor's page says, and its status: 429 once the user is locked out, as the sign-in page answers. */
const refusalError = (refusal: SignInRefusal, wrong: string): [string, number] =>
  refusal.reason === 'locked' ? [`Too many failed attempts. Try again in ${Math.ceil((refusal.retryAfterSeconds ?? 60) / 60)} minutes.`, 429] : [wrong, 401];

/**
 * The forms of the steps after a first factor: a code, a recovery code or an assertion of a
 * factor the user holds, and a factor being enrolled. Each is honoured only at the step that
 * offers it, counts under the sign-in throttle where it proves the user, and on refusal shows
 * its page again with the reason, having changed nothing.
 */
@Injectable()
export class FactorForms {
  constructor(
    private readonly steps: SignInSteps,
    private readonly factors: UserFactorsStore,
    private readonly webauthn: WebAuthnCeremonies,
    private readonly progress: SignInProgressStore,
    private readonly signIn: SignIn,
  ) {}

  async totp(step: Step, code: string): Promise<void> {
    const { issuer, user, req } = step;
    const issuerId = issuer.tenant.issuerId;
    if (!(await this.steps.offers(step, 'totp'))) return this.steps.next(step);
    const refusal = await this.signIn.factor(issuerId, user, 'totp', req.ip ?? '', async () => {
      for (const authenticator of await this.factors.totpAuthenticators(issuerId, user.userId)) {
        const at = totpStep(authenticator.secret, code);
        // A code of a step already used (this one or a later one) is a replay.
        if (at !== null && (await this.factors.acceptTotpStep(issuerId, authenticator.factorId, at))) return true;
      }
      return false;
    });
    if (refusal) return this.steps.next(step, ...refusalError(refusal, 'That code is not right, or was already used. Try the next one.'));
    return this.steps.advance(step, ['otp']);
  }

  async recoveryCode(step: Step, code: string): Promise<void> {
    const { issuer, user, req } = step;
    const issuerId = issuer.tenant.issuerId;
    if (!(await this.steps.offers(step, 'recovery'))) return this.steps.next(step);
    const refusal = await this.signIn.factor(issuerId, user, 'recovery_code', req.ip ?? '', () =>
      code.length > 0 && code.length <= 64 ? this.factors.useRecoveryCode(issuerId, user.userId, recoveryCodeHash(code)) : Promise.resolve(false),
    );
    if (refusal) return this.steps.next(step, ...refusalError(refusal, 'That recovery code is not right, or was already used.'));
    return this.steps.advance(step, ['otp']);
  }

  /** A WebAuthn assertion as a second factor (or step-up): of one of this user's credentials. */
  async assertion(step: Step, credentialJson: string): Promise<void> {
    const { issuer, details, user, req } = step;
    const issuerId = issuer.tenant.issuerId;
    if (!(await this.steps.offers(step, 'webauthn'))) return this.steps.next(step);
    let verified: { synced: boolean; userVerified: boolean } | undefined;
    const refusal = await this.signIn.factor(issuerId, user, 'webauthn', req.ip ?? '', async () => {
      const response = jsonOf(credentialJson);
      const challenge = await this.progress.takeChallenge(issuerId, details.uid);
      const id = textOf((response as { id?: unknown } | undefined)?.id);
      const credential = id ? await this.factors.credentialById(issuerId, id) : null;
      if (!challenge || !credential || credential.userId !== user.userId || !issuer.tenant.signInPolicy.factors.includes(credential.kind)) return false;
      const assertion = await this.webauthn.verifyAssertion(response, challenge, credential, false);
      if (!assertion || !(await this.factors.recordAssertion(issuerId, credential.factorId, assertion.signCount))) return false;
      verified = assertion;
      return true;
    });
    if (refusal || !verified)
      return this.steps.next(step, ...refusalError(refusal ?? { ok: false, reason: 'invalid' }, 'That passkey or security key was not accepted.'));
    return this.steps.advance(step, [verified.synced ? 'swk' : 'hwk', ...(verified.userVerified ? (['user'] as const) : [])]);
  }

  /** A TOTP authenticator enrolled: its first code confirms it, and counts as the factor presented. */
  async enrollTotp(step: Step, code: string): Promise<void> {
    const { issuer, details, user, progress } = step;
    const issuerId = issuer.tenant.issuerId;
    if (!(await this.steps.enrolls(step, 'totp'))) return this.steps.next(step);
    const at = progress.totpSecret ? totpStep(progress.totpSecret, code) : null;
    if (!progress.totpSecret || at === null) {
      return this.steps.next(step, 'That code is not right. Check the app’s clock, and enter the code it shows now.');
    }
    await this.factors.addTotp(issuerId, user.userId, 'Authenticator app', progress.totpSecret, at);
    return this.steps.enrolled({ ...step, progress: { ...progress, totpSecret: undefined } }, ['otp'], details.uid);
  }

  /** A passkey or security key registered (its creation proves the user holds it, and, for a passkey, verified them). */
  async enrollWebAuthn(step: Step, kind: 'passkey' | 'security_key', credentialJson: string): Promise<void> {
    const { issuer, details, user } = step;
    const issuerId = issuer.tenant.issuerId;
    if (!(await this.steps.enrolls(step, kind))) return this.steps.next(step);
    const challenge = await this.progress.takeChallenge(issuerId, details.uid);
    const registered = challenge ? await this.webauthn.verifyRegistration(kind, jsonOf(credentialJson), challenge) : null;
    if (!registered || (await this.factors.credentialById(issuerId, registered.credentialId))) {
      return this.steps.next(step, 'That passkey or security key could not be added. Try again.');
    }
    await this.factors.addWebAuthn(issuerId, { ...registered, userId: user.userId, kind }, kind === 'passkey' ? 'Passkey' : 'Security key');
    return this.steps.enrolled(step, [registered.synced ? 'swk' : 'hwk', ...(kind === 'passkey' ? (['user'] as const) : [])], details.uid);
  }

  /** "Not now" on the enrollment page, where it is offered. */
  async skipEnrollment(step: Step): Promise<void> {
    const next = await this.steps.decide(step);
    if (next.step !== 'enroll' || !next.skippable) return this.steps.next(step);
    const progress = { ...step.progress, skipped: true };
    await this.progress.save(step.issuer.tenant.issuerId, step.details.uid, progress);
    return this.steps.next({ ...step, progress });
  }
}
