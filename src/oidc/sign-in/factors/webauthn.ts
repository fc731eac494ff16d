import { Inject, Injectable } from '@nestjs/common';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config.js';
import type { WebAuthnCredential } from '../../../stores/user-factors/user-factor.js';

/** How long the browser waits for the person at the authenticator, in ms. */
const TIMEOUT_MS = 120_000;

/** A credential a registration produced, to store. */
export type RegisteredCredential = Omit<WebAuthnCredential, 'factorId' | 'userId' | 'kind'>;

/** A verified assertion: the counter to record, and what the authenticator says of itself and its user. */
export interface VerifiedAssertion {
  signCount: number;
  userVerified: boolean;
  /** Backed up (a synced passkey): a software-secured key as RFC 8176 counts it (`swk`), else `hwk`. */
  synced: boolean;
}

/**
 * The WebAuthn ceremonies (through @simplewebauthn/server), for every issuer of this deployment.
 * The relying party is the host of PUBLIC_URL and the only origin PUBLIC_URL's: issuers share a
 * host, so they share an RP ID, and a credential names its tenant only through the row that
 * holds it (one tenant's credential is unknown at every other). A custom domain per tenant
 * would need that domain as the tenant's RP ID and origin, and credentials kept apart by it.
 */
@Injectable()
export class WebAuthnCeremonies {
  private readonly rpID: string;
  private readonly origin: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const url = new URL(config.publicUrl);
    this.rpID = url.hostname;
    this.origin = url.origin;
  }

  /**
   * Options for a new credential. A passkey is discoverable and verifies its user (it signs in
   * alone); a security key follows a password and only needs the person present.
   */
  registrationOptions(
    kind: 'passkey' | 'security_key',
    user: { userId: string; username: string; tenantName: string },
    existing: WebAuthnCredential[],
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    return generateRegistrationOptions({
      rpName: user.tenantName,
      rpID: this.rpID,
      userName: user.username,
      userDisplayName: `${user.username} (${user.tenantName})`,
      userID: new TextEncoder().encode(user.userId),
      timeout: TIMEOUT_MS,
      attestationType: 'none',
      excludeCredentials: existing.map((credential) => ({ id: credential.credentialId, transports: credential.transports as AuthenticatorTransportFuture[] })),
      authenticatorSelection:
        kind === 'passkey' ? { residentKey: 'required', userVerification: 'required' } : { residentKey: 'discouraged', userVerification: 'preferred' },
    });
  }

  /** The new credential, or null when the response does not verify against `challenge` (wrong origin, RP ID, challenge, or no user verification for a passkey). */
  async verifyRegistration(kind: 'passkey' | 'security_key', response: unknown, challenge: string): Promise<RegisteredCredential | null> {
    try {
      const { verified, registrationInfo } = await verifyRegistrationResponse({
        response: response as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: this.origin,
        expectedRPID: this.rpID,
        requireUserVerification: kind === 'passkey',
      });
      if (!verified || !registrationInfo) return null;
      const { credential, credentialBackedUp } = registrationInfo;
      return {
        credentialId: credential.id,
        publicKey: credential.publicKey,
        signCount: credential.counter,
        transports: credential.transports ?? [],
        synced: credentialBackedUp,
      };
    } catch {
      return null;
    }
  }

  /** Options for an assertion: of any discoverable credential (a passkey sign-in), or of one of `credentials` (a second factor). */
  authenticationOptions(credentials?: WebAuthnCredential[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return generateAuthenticationOptions({
      rpID: this.rpID,
      timeout: TIMEOUT_MS,
      userVerification: credentials ? 'preferred' : 'required',
      allowCredentials: credentials?.map((credential) => ({
        id: credential.credentialId,
        transports: credential.transports as AuthenticatorTransportFuture[],
      })),
    });
  }

  /** The verified assertion, or null (wrong origin, RP ID, challenge or signature, or no user verification where it is required). */
  async verifyAssertion(
    response: unknown,
    challenge: string,
    credential: WebAuthnCredential,
    requireUserVerification: boolean,
  ): Promise<VerifiedAssertion | null> {
    try {
      const { verified, authenticationInfo } = await verifyAuthenticationResponse({
        response: response as AuthenticationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: this.origin,
        expectedRPID: this.rpID,
        credential: { id: credential.credentialId, publicKey: credential.publicKey as Uint8Array<ArrayBuffer>, counter: credential.signCount },
        requireUserVerification,
      });
      if (!verified) return null;
      return { signCount: authenticationInfo.newCounter, userVerified: authenticationInfo.userVerified, synced: authenticationInfo.credentialBackedUp };
    } catch {
      return null;
    }
  }
}
