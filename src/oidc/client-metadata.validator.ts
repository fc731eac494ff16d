import { Injectable } from '@nestjs/common';
import { errors } from 'oidc-provider';
import { ClientMetadataValidator, type ClientRules } from '../clients/client-metadata-validator.js';
import type { ClientMetadata } from '../clients/client.entity.js';
import { ResourceNotFound, ValidationFailed } from '../common/errors/app-error.js';
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
    // A static of oidc-provider's Client that its typings do not declare.
    const { needsSecret } = Client as unknown as { needsSecret(metadata: ClientMetadata): boolean };
    return {
      needsSecret: (metadata) => needsSecret.call(Client, metadata),
      async validate(metadata: ClientMetadata) {
        try {
          await Client.validate(metadata as never);
        } catch (error) {
          if (!(error instanceof errors.InvalidClientMetadata || error instanceof errors.InvalidRedirectUri)) throw error;
          const description = String(error.error_description ?? error.message);
          const match = /^([a-z_]+)\s+(.*)$/s.exec(description);
          throw new ValidationFailed([match ? { field: match[1], message: match[2] } : { field: 'metadata', message: description }]);
        }
      },
    };
  }
}
