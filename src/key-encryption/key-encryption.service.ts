import { Injectable } from '@nestjs/common';
import { SecretBox } from '../common/crypto/secret-box.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { ClientsStore } from '../stores/clients/clients.store.js';
import { ConnectionsStore } from '../stores/connections/connections.store.js';
import { OidcPayloadsStore } from '../stores/oidc-payloads/oidc-payloads.store.js';
import type { Resealed } from '../stores/sealed-rows.js';
import { SigningKeysStore } from '../stores/signing-keys/signing-keys.store.js';
import { UserFactorsStore } from '../stores/user-factors/user-factors.store.js';
import type { KeyEncryptionKeyDto, KeyEncryptionKeyListDto, ReEncryptionDto } from './dto/key-encryption-key.dto.js';

/** Rows re-sealed per transaction: few enough that a secret rotation waiting on one of them waits milliseconds. */
const BATCH = 100;

/**
 * Key-encryption key rotation: what each key seals, and moving everything to the sealing key.
 * Re-encryption runs batch by batch while traffic flows (values keep their plaintext, so no
 * cached issuer changes); it is idempotent, and two running at once share the rows.
 */
@Injectable()
export class KeyEncryptionService {
  constructor(
    private readonly box: SecretBox,
    private readonly signingKeys: SigningKeysStore,
    private readonly clients: ClientsStore,
    private readonly payloads: OidcPayloadsStore,
    private readonly factors: UserFactorsStore,
    private readonly connections: ConnectionsStore,
    private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<KeyEncryptionKeyListDto> {
    const [signingKeys, clientSecrets, protocolState, totpSecrets, connectionSecrets] = await Promise.all([
      this.signingKeys.countBySealingKey(),
      this.clients.countBySealingKey(),
      this.payloads.countBySealingKey(),
      this.factors.countBySealingKey(),
      this.connections.countBySealingKey(),
    ]);
    const configured = this.box.keyIds;
    const found = [...signingKeys.keys(), ...clientSecrets.keys(), ...protocolState.keys(), ...totpSecrets.keys(), ...connectionSecrets.keys()].filter(
      (id) => !configured.includes(id),
    );
    const items = [...new Set([...configured, ...found])].map((id): KeyEncryptionKeyDto => {
      const counts = {
        signing_keys: signingKeys.get(id) ?? 0,
        client_secrets: clientSecrets.get(id) ?? 0,
        protocol_state: protocolState.get(id) ?? 0,
        totp_secrets: totpSecrets.get(id) ?? 0,
        connection_secrets: connectionSecrets.get(id) ?? 0,
      };
      const sealing = id === this.box.currentKeyId;
      const removable = !sealing && Object.values(counts).every((count) => count === 0);
      return { id, configured: configured.includes(id), sealing, ...counts, removable };
    });
    return { sealing_key_id: this.box.currentKeyId, items };
  }

  async reEncrypt(actor: Actor): Promise<ReEncryptionDto> {
    const moved = {
      signing_keys: await drain((limit) => this.signingKeys.resealBatch(limit)),
      client_secrets: await drain((limit) => this.clients.resealBatch(limit)),
      protocol_state: await drain((limit) => this.payloads.resealBatch(limit)),
      totp_secrets: await drain((limit) => this.factors.resealBatch(limit)),
      connection_secrets: await drain((limit) => this.connections.resealBatch(limit)),
    };
    const { items } = await this.list();
    await this.audit.record(actor, {
      action: 'key_encryption_key.re_encrypted',
      issuerId: null,
      resourceType: 'key_encryption_key',
      resourceId: this.box.currentKeyId,
      // Counts only; named so the audit log's secret filter (which drops `*secret*` members) keeps them.
      after: {
        signing_keys: moved.signing_keys,
        clients: moved.client_secrets,
        protocol_state: moved.protocol_state,
        totp_authenticators: moved.totp_secrets,
        connections: moved.connection_secrets,
      },
    });
    return { sealing_key_id: this.box.currentKeyId, ...moved, items };
  }
}

/** Runs batches until one moves nothing (all done, or only values that do not open remain, which `list` then shows); returns how many moved. */
async function drain(batch: (limit: number) => Promise<Resealed>): Promise<number> {
  let total = 0;
  for (;;) {
    const { resealed } = await batch(BATCH);
    if (resealed === 0) return total;
    total += resealed;
  }
}
