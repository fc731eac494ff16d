import { Injectable } from '@nestjs/common';
import type { ClientMetadata } from '../stores/clients/client.js';
import { ResourceNotFound, ValidationFailed } from '../common/errors/app-error.js';
import { clientMetadataProblem, needsSecret } from './oidc-provider-internals.js';
import { ProviderRegistry } from './provider-registry.js';

/** The client rules of one issuer. */
export interface ClientRules {
  /** Whether a client with this metadata authenticates with a shared secret. */
  needsSecret(metadata: ClientMetadata): boolean;
  /** Throws `ValidationFailed` naming the field. `metadata` includes client_id and any secret. */
  validate(metadata: ClientMetadata): Promise<void>;
}

/**
 * Judges client metadata by the issuer's own oidc-provider rules, so a client it would refuse
 * at first use is refused at registration instead:
 * oidc-provider's own client rules with the issuer's configuration: `Client.needsSecret` and
 * the client schema (`Client.validate`), whose messages start with the offending member,
 * which becomes the 422's field.
 */
@Injectable()
export class ClientMetadataValidator {
  constructor(private readonly registry: ProviderRegistry) {}

  /** The rules of this issuer; `ResourceNotFound` when there is no such tenant. */
  async rulesOf(issuerId: string): Promise<ClientRules> {
    const provider = await this.registry.forValidation(issuerId);
    if (!provider) throw new ResourceNotFound('tenant', issuerId);
    const { Client } = provider;
    return {
      needsSecret: (metadata) => needsSecret(Client, metadata),
      async validate(metadata: ClientMetadata) {
        try {
          await Client.validate(metadata as never);
        } catch (error) {
          const problem = clientMetadataProblem(error);
          if (!problem) throw error;
          throw new ValidationFailed([{ field: problem.member ?? 'metadata', message: problem.message }]);
        }
      },
    };
  }
}
