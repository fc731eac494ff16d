import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import { SigningKey } from './signing-key.js';

/** The only code that reads or writes `signing_keys`. Every query names its tenant. */
export abstract class SigningKeysRepository {
  abstract insert(manager: EntityManager, key: Omit<SigningKey, 'createdAt' | 'activatedAt' | 'retiredAt'> & Partial<Pick<SigningKey, 'activatedAt'>>): Promise<void>;
  /** Public view (no private member), active first, then next, then retired newest first. */
  abstract listByTenant(tenantId: string): Promise<SigningKey[]>;
  /** Same order, with the sealed private JWK. */
  abstract listWithPrivate(tenantId: string): Promise<SigningKey[]>;
  /** next → active, active → retired, in one statement each, inside the caller's transaction. */
  abstract promoteNext(manager: EntityManager, tenantId: string): Promise<void>;
  abstract findActive(manager: EntityManager, tenantId: string): Promise<SigningKey | null>;
  abstract delete(manager: EntityManager, tenantId: string, kid: string): Promise<boolean>;
  /** Tenants with automatic rotation whose active key is older than their rotation period. */
  abstract tenantsDueForRotation(): Promise<string[]>;
  /** Deletes retired keys retired before `before`; returns their tenants. */
  abstract pruneRetired(before: Date): Promise<string[]>;
}

/** Publication order: active, next, then retired keys newest first. */
const inPublicationOrder = (query: SelectQueryBuilder<SigningKey>) =>
  query
    .orderBy(`CASE k.status WHEN 'active' THEN 0 WHEN 'next' THEN 1 ELSE 2 END`, 'ASC')
    .addOrderBy('k.retired_at', 'DESC', 'NULLS LAST')
    .addOrderBy('k.created_at', 'DESC');

@Injectable()
export class TypeOrmSigningKeysRepository extends SigningKeysRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private keys(manager: EntityManager = this.dataSource.manager): Repository<SigningKey> {
    return manager.getRepository(SigningKey);
  }

  async insert(manager: EntityManager, key: Parameters<SigningKeysRepository['insert']>[1]): Promise<void> {
    await this.keys(manager).insert(key);
  }

  listByTenant(tenantId: string): Promise<SigningKey[]> {
    return inPublicationOrder(this.keys().createQueryBuilder('k').where('k.tenant_id = :tenantId', { tenantId })).getMany();
  }

  listWithPrivate(tenantId: string): Promise<SigningKey[]> {
    return inPublicationOrder(
      this.keys().createQueryBuilder('k').addSelect('k.privateJwk').where('k.tenant_id = :tenantId', { tenantId }),
    ).getMany();
  }

  async promoteNext(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query(`UPDATE signing_keys SET status = 'retired', retired_at = now() WHERE tenant_id = $1 AND status = 'active'`, [tenantId]);
    await manager.query(`UPDATE signing_keys SET status = 'active', activated_at = now() WHERE tenant_id = $1 AND status = 'next'`, [tenantId]);
  }

  findActive(manager: EntityManager, tenantId: string): Promise<SigningKey | null> {
    return this.keys(manager).findOneBy({ tenantId, status: 'active' });
  }

  async delete(manager: EntityManager, tenantId: string, kid: string): Promise<boolean> {
    return ((await this.keys(manager).delete({ tenantId, kid })).affected ?? 0) > 0;
  }

  async tenantsDueForRotation(): Promise<string[]> {
    const rows: { issuer_id: string }[] = await this.dataSource.query(`
      SELECT t.issuer_id FROM tenants t
      JOIN signing_keys k ON k.tenant_id = t.issuer_id AND k.status = 'active'
      WHERE t.key_rotation_days > 0 AND k.activated_at < now() - make_interval(days => t.key_rotation_days)`);
    return rows.map((row) => row.issuer_id);
  }

  async pruneRetired(before: Date): Promise<string[]> {
    const { raw } = await this.keys()
      .createQueryBuilder()
      .delete()
      .where(`status = 'retired' AND retired_at < :before`, { before })
      .returning('tenant_id')
      .execute();
    return [...new Set((raw as { tenant_id: string }[]).map((row) => row.tenant_id))];
  }
}
