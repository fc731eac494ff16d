import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { RegistrationPolicy } from '../../stores/tenants/tenant.js';
import { newClientId, newClientSecret } from '../client-credentials.js';
import { REGISTRATION_ROUTES } from '../oidc-provider-internals.js';

/** The initial access token policy that lets a token register one client only (see RegisteredClients). */
export const SINGLE_USE = 'single_use';

/**
 * Runs at registration with a token that has it. The work is done where the client is stored,
 * in the same transaction (RegisteredClients), so a registration that fails for any reason
 * leaves the token usable. Here it only keeps the policy off the registration access token,
 * which oidc-provider would otherwise give the token's policies (and run them on each update).
 */
function singleUse(ctx: KoaContextWithOIDC): void {
  const registrationAccessToken = ctx.oidc.entities.RegistrationAccessToken;
  if (registrationAccessToken) registrationAccessToken.policies = undefined;
}

/**
 * oidc-provider's dynamic registration (RFC 7591) and its management (RFC 7592: read, update
 * and delete with the registration access token) as the tenant's policy says: both off for
 * `off`, so there is no endpoint and discovery names none; `initial_access_token` requires a
 * token stored through the adapter (issued by the admin API); `open` requires none.
 * Registration access tokens never expire (they go with their client) and rotate on each
 * update, as RFC 7592 §2.2 allows, so a leaked one is good until the client's next update.
 * Ids and secrets are made as the admin API makes them.
 */
export function registrationFeatures(policy: RegistrationPolicy): Pick<NonNullable<Configuration['features']>, 'registration' | 'registrationManagement'> {
  const enabled = policy !== 'off';
  return {
    registration: {
      enabled,
      initialAccessToken: policy === 'initial_access_token',
      // Wherever tokens are looked up (oidc-provider allows policies only there): a token naming a
      // policy the issuer lacks is a 500 in oidc-provider.
      ...(policy === 'initial_access_token' ? { policies: { [SINGLE_USE]: singleUse } } : {}),
      idFactory: newClientId,
      secretFactory: newClientSecret,
      issueRegistrationAccessToken: true,
    },
    registrationManagement: { enabled, rotateRegistrationAccessToken: true },
  };
}

/** Routes where a client's metadata is being written, by the client itself. */
const REGISTRATION_WRITES = new Set<string>([REGISTRATION_ROUTES.register, REGISTRATION_ROUTES.update]);

/**
 * Whether oidc-provider fetches a client's sector_identifier_uri and checks that it lists every
 * redirect URI: when the metadata is written (registration, an RFC 7592 update, or the admin
 * API, which judges metadata outside any protocol request), not each time a rebuilt provider
 * loads the client (its default), which would make every sign-in after a tenant change wait on,
 * and fail with, the client's own server.
 */
export function sectorIdentifierUriValidate(): boolean {
  const ctx = Provider.ctx;
  return !ctx || REGISTRATION_WRITES.has(ctx.oidc?.route);
}
