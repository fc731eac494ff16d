import { Injectable } from '@nestjs/common';
import { systemActor, type Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { AppError, ResourceNotFound, assertFound } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page, type PageQueryDto } from '../common/http/pagination.js';
import { Metrics, type RotationTrigger } from '../common/metrics/metrics.js';
import { TenantChanges } from '../stores/tenants/tenant-changes.js';
import { TenantsStore, type LockedTenant } from '../stores/tenants/tenants.store.js';
import type { SigningAlg } from '../stores/tenants/tenant.js';
import type { KeyDto, KeyListDto } from './dto/key.dto.js';
import { generateKeyMaterial } from './key-material.js';
import type { KeyMaterial, SigningKey } from '../stores/signing-keys/signing-key.js';
import { SigningKeysStore } from '../stores/signing-keys/signing-keys.store.js';

/**
 * Thrown inside a scheduled rotation's transaction to roll it back when, with the tenant row
 * locked, the active key is no longer due: another replica rotated it first, or the tenant's
 * rotation period was changed or turned off meanwhile.
 */
class RotationNotDue extends Error {}

@Injectable()
export class KeysService {
  constructor(
    private readonly keys: SigningKeysStore,
    private readonly tenants: TenantsStore,
    private readonly changes: TenantChanges,
    private readonly audit: AuditTrail,
    private readonly metrics: Metrics,
  ) {}

  /** The tenant, or `ResourceNotFound`. */
  private async tenant(issuerId: string) {
    return assertFound(await this.tenants.find(issuerId), 'tenant', issuerId);
  }

  /**
   * A new tenant's keys: an active one and a pre-published next one. Generating them is slow
   * (RSA), so it is done before the tenant's transaction, which `storeInitial` joins.
   */
  generateInitial(signingAlg: SigningAlg): Promise<[KeyMaterial, KeyMaterial]> {
    return Promise.all([generateKeyMaterial(signingAlg), generateKeyMaterial(signingAlg)]);
  }

  async storeInitial(issuerId: string, [active, next]: [KeyMaterial, KeyMaterial]): Promise<void> {
    await this.keys.insert(issuerId, active, 'active');
    await this.keys.insert(issuerId, next, 'next');
  }

  async list(issuerId: string): Promise<KeyListDto> {
    await this.tenant(issuerId);
    return { items: (await this.keys.list(issuerId)).map(toDto) };
  }

  /**
   * The keys a page at a time, like every admin list. A tenant holds a handful (active, next,
   * the retired ones it keeps), so the page is cut from the whole ordered set.
   */
  async page(issuerId: string, query: PageQueryDto): Promise<Page<KeyDto>> {
    const { items } = await this.list(issuerId);
    const after = decodeCursor(query.cursor, (kid) => items.some((key) => key.kid === kid));
    const start = after === undefined ? 0 : items.findIndex((key) => key.kid === after) + 1;
    return toPage(
      items.slice(start, start + query.limit + 1),
      query.limit,
      (key) => key.kid,
      (key) => key,
    );
  }

  /** next → active, active → retired, and a new next key pre-published. */
  async rotate(issuerId: string, actor: Actor): Promise<KeyListDto> {
    const tenant = await this.tenant(issuerId);
    await this.rotateNow(issuerId, await generateKeyMaterial(tenant.signingAlg), actor, 'admin_api');
    return this.list(issuerId);
  }

  /**
   * Scheduled rotation: rotates only if the active key is still older than the period once the
   * tenant row is locked, so when several replicas find the same tenant due, exactly one rotates.
   */
  async rotateIfDue(issuerId: string): Promise<boolean> {
    try {
      const tenant = await this.tenant(issuerId);
      const material = await generateKeyMaterial(tenant.signingAlg);
      await this.rotateNow(issuerId, material, systemActor('key-rotation'), 'scheduled', async ({ keyRotationDays }) => {
        // The tenant row is locked by rotateNow: what is read here cannot change until commit.
        const active = await this.keys.findActive(issuerId);
        const ageMs = active?.activatedAt ? Date.now() - active.activatedAt.getTime() : 0;
        if (keyRotationDays === 0 || ageMs < keyRotationDays * 86_400_000) throw new RotationNotDue();
      });
      return true;
    } catch (error) {
      // Deleted since it was found due (before this call or while it waited): nothing to rotate.
      if (error instanceof RotationNotDue || error instanceof ResourceNotFound) return false;
      throw error;
    }
  }

  private async rotateNow(
    issuerId: string,
    material: KeyMaterial,
    actor: Actor,
    trigger: RotationTrigger,
    precondition?: (tenant: LockedTenant) => Promise<void>,
  ): Promise<void> {
    await this.changes.apply(issuerId, async () => {
      // Serialises rotations of one tenant across replicas.
      const tenant = assertFound(await this.tenants.lock(issuerId), 'tenant', issuerId);
      await precondition?.(tenant);
      await this.keys.promoteNext(issuerId);
      await this.keys.insert(issuerId, material, 'next');
      await this.audit.record(actor, {
        action: 'key.rotated',
        issuerId,
        resourceType: 'key',
        resourceId: material.kid,
        after: { next_kid: material.kid, alg: material.alg },
      });
    });
    // Counted once committed: a rotation rolled back (not due after all, or failed) did not happen.
    this.metrics.keyRotated(trigger);
  }

  /** Removes a retired key. The active and next keys cannot be removed: rotate first. */
  async remove(issuerId: string, kid: string, actor: Actor): Promise<void> {
    await this.tenant(issuerId);
    const key = (await this.keys.list(issuerId)).find((candidate) => candidate.kid === kid);
    if (!key) throw new ResourceNotFound('key', kid);
    if (key.status !== 'retired') {
      throw new AppError(409, 'conflict', `key '${kid}' is the ${key.status} key; only retired keys can be removed (rotate first)`);
    }
    await this.changes.apply(issuerId, async () => {
      if (!(await this.keys.delete(issuerId, kid))) throw new ResourceNotFound('key', kid);
      await this.audit.record(actor, { action: 'key.deleted', issuerId, resourceType: 'key', resourceId: kid, before: toDto(key) });
    });
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
