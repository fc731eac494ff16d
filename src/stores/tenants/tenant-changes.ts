import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Database } from '../../database/database.js';
import { TenantsStore } from './tenants.store.js';

/**
 * The PostgreSQL NOTIFY channel that tells every replica an issuer changed. The payload is the
 * issuer_id, a space, and the sending process's `origin` (issuer ids hold no spaces).
 */
export const TENANT_CHANGED_CHANNEL = 'portcullis_tenant_changed';

/**
 * Every change to a tenant, its keys or its clients goes through `apply`: the work runs in
 * one transaction (the caller's, if one is open) that also bumps the tenant's version and
 * queues a NOTIFY (delivered on commit), and after the commit this process's listeners hear
 * of it at once. Caches of other replicas learn from the NOTIFY, or, if they missed it, from
 * the version.
 */
@Injectable()
export class TenantChanges {
  private readonly events = new EventEmitter();
  /** This process, in the NOTIFY it sends: its own notice comes back to it, and is not news. */
  readonly origin = randomUUID();

  constructor(
    private readonly db: Database,
    private readonly tenants: TenantsStore,
  ) {
    this.events.setMaxListeners(0);
  }

  apply<T>(issuerId: string, work: () => Promise<T>): Promise<T> {
    return this.db.transaction(async () => {
      const value = await work();
      await this.tenants.bumpVersion(issuerId);
      await this.db.query('SELECT pg_notify($1, $2)', [TENANT_CHANGED_CHANNEL, `${issuerId} ${this.origin}`]);
      this.db.afterCommit(() => this.announce(issuerId));
      return value;
    });
  }

  /** Tells this process's listeners, and no one else, that `issuerId` changed. */
  announce(issuerId: string): void {
    this.events.emit('changed', issuerId);
  }

  onChange(listener: (issuerId: string) => void): () => void {
    this.events.on('changed', listener);
    return () => this.events.off('changed', listener);
  }
}
