import type { ClientMetadata } from '../stores/clients/client.js';

/** The client rules of one issuer. */
export interface ClientRules {
  /** Whether a client with this metadata authenticates with a shared secret. */
  needsSecret(metadata: ClientMetadata): boolean;
  /** Throws `ValidationFailed` naming the field. `metadata` includes client_id and any secret. */
  validate(metadata: ClientMetadata): Promise<void>;
}

/**
 * Judges client metadata by the issuer's own oidc-provider rules, so a client it would refuse
 * at first use is refused at registration instead. Implemented by the OIDC module (it owns
 * the providers); declared here so this module does not depend on it.
 */
export abstract class ClientMetadataValidator {
  /** The rules of this issuer; `ResourceNotFound` when there is no such tenant. */
  abstract rulesOf(issuerId: string): Promise<ClientRules>;
}
