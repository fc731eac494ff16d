import type { Configuration } from 'oidc-provider';

/**
 * Browser-based clients (SPAs) may call the token, userinfo and revocation endpoints from
 * the origins of their registered redirect URIs, and from nowhere else.
 */
export const clientBasedCORS: NonNullable<Configuration['clientBasedCORS']> = (_ctx, origin, client) =>
  (client.redirectUris ?? []).some((uri) => {
    try {
      return new URL(uri).origin === origin;
    } catch {
      return false;
    }
  });
