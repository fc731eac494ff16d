import { Injectable } from '@nestjs/common';
import { OidcPayloadsStore } from '../../stores/oidc-payloads/oidc-payloads.store.js';
import { TTL } from '../provider-options.js';

/**
 * How far one interaction's sign-in has come, between its pages: who the first factor named and
 * the methods presented so far, the WebAuthn challenge outstanding, and a TOTP secret being
 * enrolled (sealed at rest, see the payloads store). Kept server-side under the interaction's
 * uid, which oidc-provider binds to the browser's interaction cookie, for as long as an interaction lives.
 */
export interface SignInProgress {
  accountId?: string;
  amr: string[];
  /** When the first factor was presented (seconds): the sign-in's `auth_time`. */
  ts?: number;
  /** A TOTP secret shown for enrollment, not yet confirmed by a code. */
  totpSecret?: string;
  /** The password was right at the user's first attempt (see LoginThrottle.succeeded). */
  firstAttempt?: boolean;
  /** A factor beyond the first was checked (its attempts were counted). */
  stepped?: boolean;
  /** Enrollment was put off ("Not now"). */
  skipped?: boolean;
  /** Not a sign-in: the `enroll` prompt, adding a factor for a signed-in user. */
  enrollOnly?: boolean;
  /** A factor was enrolled in this interaction. */
  enrolled?: boolean;
  /** A sign-in sent to an upstream (a connection), awaiting its callback: what the callback must match (the verifier sealed at rest). */
  federation?: {
    connectionId: string;
    state: string;
    nonce: string;
    codeVerifier: string;
    /** When it was sent upstream (seconds); with `fresh` (the request's `prompt=login`), the upstream must have authenticated since. */
    startedAt: number;
    fresh: boolean;
    /** The request's `max_age`, checked against the upstream's `auth_time`. */
    maxAge?: number;
  };
  /** The level (index in ACR_LEVELS) the upstream's `acr` maps to, for a federated sign-in. */
  federatedLevel?: number;
}

const PROGRESS = 'SignInProgress';
const CHALLENGE = 'WebAuthnChallenge';

@Injectable()
export class SignInProgressStore {
  constructor(private readonly payloads: OidcPayloadsStore) {}

  async get(issuerId: string, uid: string): Promise<SignInProgress> {
    return ((await this.payloads.find(issuerId, PROGRESS, uid)) as SignInProgress | undefined) ?? { amr: [] };
  }

  save(issuerId: string, uid: string, progress: SignInProgress): Promise<void> {
    return this.payloads.upsert(issuerId, PROGRESS, uid, { ...progress }, TTL.Interaction);
  }

  /** Forgets the interaction's progress: it finished, or its first factor is being presented again. */
  clear(issuerId: string, uid: string): Promise<void> {
    return this.payloads.destroy(issuerId, PROGRESS, uid);
  }

  /** Makes `challenge` the interaction's one outstanding WebAuthn challenge (a newer page replaces an older one). */
  putChallenge(issuerId: string, uid: string, challenge: string): Promise<void> {
    return this.payloads.upsert(issuerId, CHALLENGE, uid, { challenge }, TTL.Interaction);
  }

  /**
   * The outstanding challenge, taken: once an assertion or registration is checked against it,
   * it is gone, so a response replayed (or raced) finds none. Undefined when there is none.
   */
  async takeChallenge(issuerId: string, uid: string): Promise<string | undefined> {
    const stored = await this.payloads.find(issuerId, CHALLENGE, uid);
    if (typeof stored?.challenge !== 'string') return undefined;
    return (await this.payloads.take(issuerId, CHALLENGE, uid)) ? stored.challenge : undefined;
  }
}
