import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import type { EntityManager } from 'typeorm';
import { systemActor, type Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.js';
import { AppError, ResourceNotFound } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page, type PageQueryDto } from '../common/http/pagination.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import { TenantChanges } from '../stores/tenants/tenant-changes.js';
import type { LockedTenant } from '../stores/tenants/tenants.store.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import type { KeyDto, KeyListDto } from './dto/key.dto.js';
import { generateKeyMaterial, type KeyMaterial } from './key-material.js';
import type { SigningKey } from '../stores/signing-keys/signing-key.js';
import { SigningKeysRepository } from '../stores/signing-keys/signing-keys.store.js';
import { keyAad, sealedKeyRow } from '../stores/signing-keys/sealed-key-row.js';


/**
 * Thrown inside a scheduled rotation's transaction to roll it back when, with the tenant row
 * locked, the active key is no longer due: another replica rotated it first, or the tenant's
 * rotation period was changed or turned off meanwhile.
 */
class RotationNotDue extends Error {}

@Injectable()
export class KeysService {
  constructor(
    private readonly keys: SigningKeysRepository,
    private readonly tenants: TenantsService,
    private readonly changes: TenantChanges,
    private readonly box: SecretBox,
    private readonly audit: AuditTrail,
  ) {}

  async list(issuerId: string): Promise<KeyListDto> {
    await this.tenants.find(issuerId);
    return { items: (await this.keys.listByTenant(issuerId)).map(toDto) };
  }

  /**
   * The keys a page at a time, like every admin list. A tenant holds a handful (active, next,
   * the retired ones it keeps), so the page is cut from the whole ordered set.
   */
  async page(issuerId: string, query: PageQueryDto): Promise<Page<KeyDto>> {
    const { items } = await this.list(issuerId);
    const after = decodeCursor(query.cursor, (kid) => items.some((key) => key.kid === kid));
    const start = after === undefined ? 0 : items.findIndex((key) => key.kid === after) + 1;
    return toPage(items.slice(start, start + query.limit + 1), query.limit, (key) => key.kid, (key) => key);
  }

  /** next → active, active → retired, and a new next key pre-published. */
  async rotate(issuerId: string, actor: Actor): Promise<KeyListDto> {
    const tenant = await this.tenants.find(issuerId);
    await this.rotateNow(issuerId, await generateKeyMaterial(tenant.signingAlg), actor);
    return this.list(issuerId);
  }

  /**
   * Scheduled rotation: rotates only if the active key is still older than the period once the
   * tenant row is locked, so when several replicas find the same tenant due, exactly one rotates.
   */
  async rotateIfDue(issuerId: string): Promise<boolean> {
    const tenant = await this.tenants.find(issuerId);
    const material = await generateKeyMaterial(tenant.signingAlg);
    try {
      await this.rotateNow(issuerId, material, systemActor('key-rotation'), async (manager, { keyRotationDays }) => {
        // The tenant row is locked by rotateNow: what is read here cannot change until commit.
        const active = await this.keys.findActive(manager, issuerId);
        const ageMs = active?.activatedAt ? Date.now() - active.activatedAt.getTime() : 0;
        if (keyRotationDays === 0 || ageMs < keyRotationDays * 86_400_000) throw new RotationNotDue();
      });
      return true;
    } catch (error) {
      // Deleted meanwhile: nothing to rotate.
      if (error instanceof RotationNotDue || error instanceof ResourceNotFound) return false;
      throw error;
    }
  }

  private async rotateNow(
    issuerId: string,
    material: KeyMaterial,
    actor: Actor,
    precondition?: (manager: EntityManager, tenant: LockedTenant) => Promise<void>,
  ): Promise<void> {
    await this.changes.apply(issuerId, async (manager) => {
      // Serialises rotations of one tenant across replicas.
      const tenant = await this.tenants.lock(issuerId, manager);
      await precondition?.(manager, tenant);
      await this.keys.promoteNext(manager, issuerId);
      await this.keys.insert(manager, sealedKeyRow(this.box, issuerId, material, 'next'));
      await this.audit.record(manager, actor, { action: 'key.rotated', issuerId, resourceType: 'key', resourceId: material.kid, after: { next_kid: material.kid, alg: material.alg } });
    });
  }

  /** Removes a retired key. The active and next keys cannot be removed: rotate first. */
  async remove(issuerId: string, kid: string, actor: Actor): Promise<void> {
    await this.tenants.find(issuerId);
    const key = (await this.keys.listByTenant(issuerId)).find((candidate) => candidate.kid === kid);
    if (!key) throw new ResourceNotFound('key', kid);
    if (key.status !== 'retired') {
      throw new AppError(409, 'conflict', `key '${kid}' is the ${key.status} key; only retired keys can be removed (rotate first)`);
    }
    await this.changes.apply(issuerId, async (manager) => {
      if (!(await this.keys.delete(manager, issuerId, kid))) throw new ResourceNotFound('key', kid);
      await this.audit.record(manager, actor, { action: 'key.deleted', issuerId, resourceType: 'key', resourceId: kid, before: toDto(key) });
    });
  }

  /**
   * The private JWKs an issuer's provider signs with, in publication order: active (signs),
   * next (pre-published), retired (still verifies tokens it signed).
   */
  async signingJwks(issuerId: string): Promise<JWK[]> {
    const rows = await this.keys.listWithPrivate(issuerId);
    return rows.map((row) => JSON.parse(this.box.open(row.privateJwk, keyAad(issuerId, row.kid))) as JWK);
  }

}

function toDto(key: SigningKey): KeyDto {
  return {
    kid: key.kid,
    alg: key.alg,
    use: key.use,
    status: key.status,
    created_at: key.createdAt.toISOString(),
    activated_at: key.activatedAt?.toISOString() ?? null,
    retired_at: key.retiredAt?.toISOString() ?? null,
  };
}
