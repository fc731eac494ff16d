import { Injectable } from '@nestjs/common';
import { DataSource, In, MoreThan, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import { Tenant } from './tenant.js';

export interface TenantListFilter {
  /** Exclusive lower bound on `issuer_id`: the key of the previous page's last row. */
  after?: string;
  enabled?: boolean;
  limit: number;
}

/** What a tenant is made of besides its identity and lifecycle columns. */
export type TenantOptions = Pick<Tenant, 'keyRotationDays' | 'accessTokenTtl' | 'idTokenTtl' | 'refreshTokenTtl' | 'grantTypes' | 'logoUrl' | 'brandColor'>;
export type NewTenant = Pick<Tenant, 'issuerId' | 'displayName' | 'enabled' | 'signingAlg'> & TenantOptions;
export type TenantChangeSet = Partial<Pick<Tenant, 'displayName' | 'enabled'> & TenantOptions>;

/** `value` without its undefined members: what a partial update leaves as it is. */
export const definedOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;

/** The only code that reads or writes the `tenants` table. Methods that take a manager join its transaction. */
export abstract class TenantsRepository {
  abstract insert(tenant: NewTenant, manager: EntityManager): Promise<Tenant>;
  abstract findByIssuerId(issuerId: string): Promise<Tenant | null>;
  /** In `issuer_id` order. */
  abstract list(filter: TenantListFilter): Promise<Tenant[]>;
  /** The updated tenant, or null when there is none. */
  abstract update(issuerId: string, changes: TenantChangeSet, manager: EntityManager): Promise<Tenant | null>;
  /** Whether a tenant was deleted. Its keys, clients and protocol state go with it (ON DELETE CASCADE). */
  abstract delete(issuerId: string, manager: EntityManager): Promise<boolean>;
  /** Ids of the tenant's clients registered with any of these grant types. */
  abstract clientsUsingGrants(issuerId: string, grantTypes: string[], manager: EntityManager): Promise<string[]>;
  /**
   * Locks the tenant's row until the transaction ends and returns what decisions under the lock
   * read, or null when there is no such tenant. The one way any transaction locks a tenant.
   * FOR NO KEY UPDATE: the lock the transaction's version bump takes anyway, so taking it first
   * never has to be upgraded (two upgrades deadlock); unlike FOR UPDATE it lets rows that refer
   * to the tenant (clients, tokens, keys) be inserted meanwhile.
   */
  abstract lock(issuerId: string, manager: EntityManager): Promise<LockedTenant | null>;
  /** Current version of each of these tenants that still exists. */
  abstract versionsOf(issuerIds: string[]): Promise<Map<string, number>>;
}

/** What transactions decide under a tenant's lock. */
export interface LockedTenant {
  grantTypes: string[];
  keyRotationDays: number;
}

@Injectable()
export class TypeOrmTenantsRepository extends TenantsRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private tenants(manager: EntityManager = this.dataSource.manager): Repository<Tenant> {
    return manager.getRepository(Tenant);
  }

  async insert(tenant: NewTenant, manager: EntityManager): Promise<Tenant> {
    // `insert`, not `save`: save would silently update an existing tenant instead of failing.
    const entity = this.tenants(manager).create(tenant);
    await this.tenants(manager).insert(entity);
    return entity;
  }

  findByIssuerId(issuerId: string): Promise<Tenant | null> {
    return this.tenants().findOneBy({ issuerId });
  }

  list({ after, enabled, limit }: TenantListFilter): Promise<Tenant[]> {
    // TypeORM 1.x throws on `undefined` in a where clause: add only the filters given.
    const where: FindOptionsWhere<Tenant> = {};
    if (after !== undefined) where.issuerId = MoreThan(after);
    if (enabled !== undefined) where.enabled = enabled;
    return this.tenants().find({ where, order: { issuerId: 'ASC' }, take: limit });
  }

  async update(issuerId: string, changes: TenantChangeSet, manager: EntityManager): Promise<Tenant | null> {
    const defined = definedOnly(changes);
    if (Object.keys(defined).length > 0) await this.tenants(manager).update({ issuerId }, defined);
    return this.tenants(manager).findOneBy({ issuerId });
  }

  async delete(issuerId: string, manager: EntityManager): Promise<boolean> {
    const result = await this.tenants(manager).delete({ issuerId });
    return (result.affected ?? 0) > 0;
  }

  // Reads the clients table (owned by the clients module) for this one question, which the
  // tenant must answer before it changes: the clients module depends on tenancy, not the reverse.
  async clientsUsingGrants(issuerId: string, grantTypes: string[], manager: EntityManager): Promise<string[]> {
    const rows: { client_id: string }[] = await manager.query(
      `SELECT client_id FROM clients WHERE tenant_id = $1 AND metadata->'grant_types' ?| $2::text[] ORDER BY client_id`,
      [issuerId, grantTypes],
    );
    return rows.map((row) => row.client_id);
  }

  async lock(issuerId: string, manager: EntityManager): Promise<LockedTenant | null> {
    const [row]: { grant_types: string[]; key_rotation_days: number }[] = await manager.query(
      'SELECT grant_types, key_rotation_days FROM tenants WHERE issuer_id = $1 FOR NO KEY UPDATE',
      [issuerId],
    );
    return row ? { grantTypes: row.grant_types, keyRotationDays: row.key_rotation_days } : null;
  }

  async versionsOf(issuerIds: string[]): Promise<Map<string, number>> {
    if (issuerIds.length === 0) return new Map();
    const rows = await this.tenants().find({ select: { issuerId: true, version: true }, where: { issuerId: In(issuerIds) } });
    return new Map(rows.map((row) => [row.issuerId, row.version]));
  }
}
