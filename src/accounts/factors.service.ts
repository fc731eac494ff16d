import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ResourceNotFound } from '../common/errors/app-error.js';
import { Database } from '../database/database.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import type { UserFactor } from '../stores/user-factors/user-factor.js';
import { UserFactorsStore } from '../stores/user-factors/user-factors.store.js';
import { UsersService } from './users.service.js';
import type { FactorDto, FactorListDto, FactorResetDto } from './dto/factor.dto.js';

/** A user's sign-in factors for admins: listed without their secrets, removed one by one, or all at once (a reset). */
@Injectable()
export class FactorsService {
  constructor(
    private readonly factors: UserFactorsStore,
    private readonly users: UsersService,
    private readonly db: Database,
    private readonly audit: AuditTrail,
  ) {}

  async list(issuerId: string, userId: string): Promise<FactorListDto> {
    await this.users.get(issuerId, userId);
    return { items: (await this.factors.list(issuerId, userId)).map(toDto) };
  }

  async remove(issuerId: string, userId: string, factorId: string, actor: Actor): Promise<void> {
    await this.users.get(issuerId, userId);
    const before = isUUID(factorId) ? (await this.factors.list(issuerId, userId)).find((factor) => factor.factorId === factorId) : undefined;
    if (!before) throw new ResourceNotFound('factor', factorId);
    await this.db.transaction(async () => {
      if (!(await this.factors.delete(issuerId, userId, factorId))) throw new ResourceNotFound('factor', factorId);
      await this.audit.record(actor, { action: 'user.factor_removed', issuerId, resourceType: 'user', resourceId: userId, before: toDto(before) });
    });
  }

  /** Removes every factor but the password: the user signs in with the password alone and, where the tenant requires it, enrolls again. */
  async reset(issuerId: string, userId: string, actor: Actor): Promise<FactorResetDto> {
    await this.users.get(issuerId, userId);
    return this.db.transaction(async () => {
      const removed = await this.factors.deleteAll(issuerId, userId);
      await this.audit.record(actor, { action: 'user.factors_reset', issuerId, resourceType: 'user', resourceId: userId, after: { removed } });
      return { removed };
    });
  }
}

function toDto(factor: UserFactor): FactorDto {
  return {
    factor_id: factor.factorId,
    kind: factor.kind,
    label: factor.label,
    ...(factor.remaining === undefined ? {} : { remaining_codes: factor.remaining }),
    ...(factor.synced === undefined ? {} : { synced: factor.synced }),
    created_at: factor.createdAt.toISOString(),
    last_used_at: factor.lastUsedAt?.toISOString() ?? null,
  };
}
