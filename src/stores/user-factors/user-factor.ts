/** Kinds of factor a user holds besides a password. A passkey signs in alone; a security key follows a password. */
export const FACTOR_KINDS = ['totp', 'passkey', 'security_key', 'recovery_codes'] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];

/** What every factor shows: never a secret, a key or a code. A row of `user_factors`. */
export interface UserFactor {
  tenantId: string;
  factorId: string;
  userId: string;
  kind: FactorKind;
  /** What the user or the authenticator calls it ("Authenticator app", "Passkey"). */
  label: string;
  /** Recovery codes left unused (recovery_codes only). */
  remaining?: number;
  /** Whether the passkey may be synced to other devices (WebAuthn backup eligibility; passkeys and security keys only). */
  synced?: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** A WebAuthn credential as a ceremony needs it. */
export interface WebAuthnCredential {
  factorId: string;
  userId: string;
  kind: 'passkey' | 'security_key';
  /** base64url. */
  credentialId: string;
  publicKey: Uint8Array;
  signCount: number;
  transports: string[];
  synced: boolean;
}

/** A TOTP authenticator with its secret opened (base32): for checking a code only. */
export interface TotpAuthenticator {
  factorId: string;
  secret: string;
  /** The last time step a code was accepted for; a code of it or an earlier step is refused. */
  lastStep: number | null;
}
