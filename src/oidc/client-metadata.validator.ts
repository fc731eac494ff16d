import { Injectable } from '@nestjs/common';
import { errors } from 'oidc-provider';
import { ClientMetadataValidator } from '../clients/client-metadata-validator.js';
import type { ClientMetadata } from '../clients/client.entity.js';
import { ResourceNotFound, ValidationFailed } from '../common/errors/app-error.js';
import { ProviderRegistry } from './provider-registry.js';

/** Auth methods that prove the client without a shared secret (oidc-provider's list, for the ones we enable). */
const SECRETLESS_AUTH = new Set(['none', 'private_key_jwt']);

/**
 * Runs oidc-provider's own client schema (`Client.validate`) with the issuer's configuration:
 * its messages start with the offending member, which becomes the 422's field.
 */
@Injectable()
export class ProviderClientMetadataValidator extends ClientMetadataValidator {
  constructor(private readonly registry: ProviderRegistry) {
    super();
  }

  async validate(issuerId: string, metadata: ClientMetadata): Promise<void> {
    const provider = await this.registry.forValidation(issuerId);
    if (!provider) throw new ResourceNotFound('tenant', issuerId);
    try {
      await provider.Client.validate(metadata as never);
    } catch (error) {
      if (!(error instanceof errors.InvalidClientMetadata || error instanceof errors.InvalidRedirectUri)) throw error;
      const description = String(error.error_description ?? error.message);
      const match = /^([a-z_]+)\s+(.*)$/s.exec(description);
      throw new ValidationFailed([match ? { field: match[1], message: match[2] } : { field: 'metadata', message: description }]);
    }
  }

  needsSecret(metadata: ClientMetadata): boolean {
    const method = (metadata.token_endpoint_auth_method as string | undefined) ?? 'client_secret_basic';
    const hmacSigned = Object.entries(metadata).some(([member, value]) => member.endsWith('_alg') && typeof value === 'string' && value.startsWith('HS'));
    return !SECRETLESS_AUTH.has(method) || hmacSigned;
  }
}
