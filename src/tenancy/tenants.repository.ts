import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan, type FindOptionsWhere, type Repository } from 'typeorm';
import { Tenant } from './tenant.entity.js';

export interface TenantListFilter {
  /** Exclusive lower bound on `issuer_id`: the key of the previous page's last row. */
  after?: string;
  enabled?: boolean;
  limit: number;
}

export type TenantChanges = Partial<Pick<Tenant, 'displayName' | 'enabled'>>;

/** The only code that reads or writes the `tenants` table. */
export abstract class TenantsRepository {
  abstract insert(tenant: Pick<Tenant, 'issuerId' | 'displayName' | 'enabled'>): Promise<Tenant>;
  abstract findByIssuerId(issuerId: string): Promise<Tenant | null>;
  /** In `issuer_id` order. */
  abstract list(filter: TenantListFilter): Promise<Tenant[]>;
  /** The updated tenant, or null when there is none. */
  abstract update(issuerId: string, changes: TenantChanges): Promise<Tenant | null>;
  /** Whether a tenant was deleted. */
  abstract delete(issuerId: string): Promise<boolean>;
}

@Injectable()
export class TypeOrmTenantsRepository extends TenantsRepository {
  private readonly tenants: Repository<Tenant>;

  constructor(dataSource: DataSource) {
    super();
    this.tenants = dataSource.getRepository(Tenant);
  }

  async insert(tenant: Pick<Tenant, 'issuerId' | 'displayName' | 'enabled'>): Promise<Tenant> {
    // `insert`, not `save`: save would silently update an existing tenant instead of failing.
    const entity = this.tenants.create(tenant);
    await this.tenants.insert(entity);
    return entity;
  }

  findByIssuerId(issuerId: string): Promise<Tenant | null> {
    return this.tenants.findOneBy({ issuerId });
  }

  list({ after, enabled, limit }: TenantListFilter): Promise<Tenant[]> {
    // TypeORM 1.x throws on `undefined` in a where clause: add only the filters given.
    const where: FindOptionsWhere<Tenant> = {};
    if (after !== undefined) where.issuerId = MoreThan(after);
    if (enabled !== undefined) where.enabled = enabled;
    return this.tenants.find({ where, order: { issuerId: 'ASC' }, take: limit });
  }

  async update(issuerId: string, changes: TenantChanges): Promise<Tenant | null> {
    if (Object.keys(changes).length > 0) await this.tenants.update({ issuerId }, changes);
    return this.findByIssuerId(issuerId);
  }

  async delete(issuerId: string): Promise<boolean> {
    const result = await this.tenants.delete({ issuerId });
    return (result.affected ?? 0) > 0;
  }
}
