import type { ClientMetadata } from './client.entity.js';

/**
 * Judges client metadata by the issuer's own oidc-provider rules, so a client it would refuse
 * at first use is refused at registration instead. Implemented by the OIDC module (it owns
 * the providers); declared here so this module does not depend on it.
 */
export abstract class ClientMetadataValidator {
  /** Throws `ValidationFailed` naming the field. `metadata` includes client_id and any secret. */
  abstract validate(issuerId: string, metadata: ClientMetadata): Promise<void>;
  /** Whether a client with this metadata authenticates with a shared secret. */
  abstract needsSecret(metadata: ClientMetadata): boolean;
}
