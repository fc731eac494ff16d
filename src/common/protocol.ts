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
