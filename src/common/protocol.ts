/**
 * Protocol constants Portcullis states in more than one place (the engine's configuration, the
 * admin API's validation, the OpenAPI document): defined once here.
 */

/** Client authentication methods, at the token, introspection and revocation endpoints alike. */
export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'] as const;

/** Algorithms of an issuer's own signing keys (ID tokens, JWT access tokens, userinfo). */
export const SIGNING_ALGS = ['RS256', 'ES256', 'EdDSA'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/** `acr` of a sign-in with username and password. */
export const PASSWORD_ACR = 'urn:portcullis:acr:password';

/**
 * Authentication levels (`acr` values), weakest first: each is met by every level after it.
 * - `urn:portcullis:acr:password`: one factor, a password.
 * - `urn:portcullis:acr:mfa`: two factors (a password and a one-time code or a recovery code).
 * - `phr`: phishing-resistant (OpenID EAP ACR Values 1.0): a WebAuthn credential, either a
 *   passkey that verified its user or a security key after the password; both are also two factors.
 */
export const MFA_ACR = 'urn:portcullis:acr:mfa';
export const PHISHING_RESISTANT_ACR = 'phr';
export const ACR_LEVELS = [PASSWORD_ACR, MFA_ACR, PHISHING_RESISTANT_ACR] as const;
export type AcrValue = (typeof ACR_LEVELS)[number];

/** Rank of an `acr` value in ACR_LEVELS (0 for the password), or -1 for a value Portcullis does not offer. */
export const acrLevel = (acr: unknown): number => ACR_LEVELS.indexOf(acr as AcrValue);
