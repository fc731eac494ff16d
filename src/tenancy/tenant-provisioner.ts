import type { EntityManager } from 'typeorm';
import type { SigningAlg } from '../stores/tenants/tenant.js';

/**
 * What a new tenant needs besides its row (its signing keys), supplied by the Keys module so
 * that tenancy does not depend on it. `prepare` does the slow work (key generation) outside
 * the transaction; `store` writes the result inside it.
 */
export abstract class TenantProvisioner {
  abstract prepare(signingAlg: SigningAlg): Promise<unknown>;
  abstract store(manager: EntityManager, issuerId: string, prepared: unknown): Promise<void>;
}
