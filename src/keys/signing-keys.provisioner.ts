import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantProvisioner } from '../tenancy/tenant-provisioner.js';
import type { SigningAlg } from '../stores/tenants/tenant.js';
import { generateKeyMaterial, type KeyMaterial } from './key-material.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import { sealedKeyRow } from '../stores/signing-keys/sealed-key-row.js';
import { SigningKeysRepository } from '../stores/signing-keys/signing-keys.store.js';

/** A new tenant starts with an active key and a pre-published next key. */
@Injectable()
export class SigningKeysProvisioner extends TenantProvisioner {
  constructor(
    private readonly box: SecretBox,
    private readonly repository: SigningKeysRepository,
  ) {
    super();
  }

  prepare(signingAlg: SigningAlg): Promise<KeyMaterial[]> {
    return Promise.all([generateKeyMaterial(signingAlg), generateKeyMaterial(signingAlg)]);
  }

  async store(manager: EntityManager, issuerId: string, prepared: unknown): Promise<void> {
    const [active, next] = prepared as KeyMaterial[];
    await this.repository.insert(manager, sealedKeyRow(this.box, issuerId, active, 'active'));
    await this.repository.insert(manager, sealedKeyRow(this.box, issuerId, next, 'next'));
  }
}
