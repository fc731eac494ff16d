import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { fromRow, insertValues, setColumns } from '../../database/rows.js';
import { signInPolicyOf } from './sign-in-policy.js';
import type { RegistrationPolicy, Tenant, TenantOptions } from './tenant.js';

export interface TenantListFilter {
  /** Exclusive lower bound on `issuer_id`: the key of the previous page's last row. */
  after?: string;
  enabled?: boolean;
  limit: number;
}

export type { TenantOptions } from './tenant.js';
export type NewTenant = Pick<Tenant, 'issuerId' | 'displayName' | 'enabled' | 'signingAlg'> & TenantOptions;
export type TenantChangeSet = Partial<Pick<Tenant, 'displayName' | 'enabled'> & TenantOptions>;

/** `value` without its undefined members: what a partial update leaves as it is. */
export const definedOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;

/** What transactions decide under a tenant's lock. */
export interface LockedTenant {
  grantTypes: string[];
  keyRotationDays: number;
  registration: RegistrationPolicy;
}

/** `bigint` arrives from `pg` as a string; versions stay far below 2^53. */
const toTenant = (row: Record<string, unknown>): Tenant => {
  const tenant = fromRow<Tenant>(row);
  return { ...tenant, version: Number(row.version), signInPolicy: signInPolicyOf(tenant.signInPolicy) };
};

/** The only code that reads or writes the `tenants` table. Inside a transaction, every method joins it. */
@Injectable()
export class TenantsStore {
  constructor(private readonly db: Database) {}

  /** Fails with a unique violation when the issuer id is taken. */
  async insert(tenant: NewTenant): Promise<Tenant> {
    const values = insertValues(tenant);
    const [row] = await this.db.query(`INSERT INTO tenants ${values.sql} RETURNING *`, values.params);
    return toTenant(row);
  }

  async find(issuerId: string): Promise<Tenant | null> {
    const [row] = await this.db.query('SELECT * FROM tenants WHERE issuer_id = $1', [issuerId]);
    return row ? toTenant(row) : null;
  }

  /** In `issuer_id` order. */
  async list({ after, enabled, limit }: TenantListFilter): Promise<Tenant[]> {
    const rows = await this.db.query(
      `SELECT * FROM tenants WHERE ($1::text IS NULL OR issuer_id > $1) AND ($2::boolean IS NULL OR enabled = $2)
       ORDER BY issuer_id LIMIT $3`,
      [after ?? null, enabled ?? null, limit],
    );
    return rows.map(toTenant);
  }

  /** The updated tenant, or null when there is none. */
  async update(issuerId: string, changes: TenantChangeSet): Promise<Tenant | null> {
    const set = setColumns(changes, 2);
    const [row] = set.sql
      ? await this.db.query(`UPDATE tenants SET ${set.sql}, updated_at = now() WHERE issuer_id = $1 RETURNING *`, [issuerId, ...set.params])
      : await this.db.query('SELECT * FROM tenants WHERE issuer_id = $1', [issuerId]);
    return row ? toTenant(row) : null;
  }

  /** Whether a tenant was deleted. Its keys, clients, users and protocol state go with it (ON DELETE CASCADE). */
  async delete(issuerId: string): Promise<boolean> {
    return (await this.db.execute('DELETE FROM tenants WHERE issuer_id = $1', [issuerId])) > 0;
  }

  /**
   * Locks the tenant's row until the transaction ends and returns what decisions under the lock
   * read, or null when there is no such tenant. The one way any transaction locks a tenant.
   * FOR NO KEY UPDATE: the lock the transaction's version bump takes anyway, so taking it first
   * never has to be upgraded (two upgrades deadlock); unlike FOR UPDATE it lets rows that refer
   * to the tenant (clients, tokens, keys) be inserted meanwhile.
   */
  async lock(issuerId: string): Promise<LockedTenant | null> {
    const [row] = await this.db.query<{ grant_types: string[]; key_rotation_days: number; registration: RegistrationPolicy }>(
      'SELECT grant_types, key_rotation_days, registration FROM tenants WHERE issuer_id = $1 FOR NO KEY UPDATE',
      [issuerId],
    );
    return row ? { grantTypes: row.grant_types, keyRotationDays: row.key_rotation_days, registration: row.registration } : null;
  }

  /** Marks the tenant changed: caches holding an older version rebuild. */
  async bumpVersion(issuerId: string): Promise<void> {
    await this.db.execute('UPDATE tenants SET version = version + 1 WHERE issuer_id = $1', [issuerId]);
  }

  /** Current version of each of these tenants that still exists. */
  async versionsOf(issuerIds: string[]): Promise<Map<string, number>> {
    if (issuerIds.length === 0) return new Map();
    const rows = await this.db.query<{ issuer_id: string; version: string }>('SELECT issuer_id, version FROM tenants WHERE issuer_id = ANY($1)', [issuerIds]);
    return new Map(rows.map((row) => [row.issuer_id, Number(row.version)]));
  }
}
