import { Injectable } from '@nestjs/common';
import { ClientMetadataValidator, type ClientRules } from '../clients/client-metadata-validator.js';
import type { ClientMetadata } from '../stores/clients/client.js';
import { ResourceNotFound, ValidationFailed } from '../common/errors/app-error.js';
import { clientMetadataProblem, needsSecret } from './oidc-provider-internals.js';
import { ProviderRegistry } from './provider-registry.js';

/**
 * oidc-provider's own client rules with the issuer's configuration: `Client.needsSecret` and
 * the client schema (`Client.validate`), whose messages start with the offending member,
 * which becomes the 422's field.
 */
@Injectable()
export class ProviderClientMetadataValidator extends ClientMetadataValidator {
  constructor(private readonly registry: ProviderRegistry) {
    super();
  }

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
