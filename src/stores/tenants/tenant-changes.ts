import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { DataSource, type EntityManager } from 'typeorm';

/** The PostgreSQL NOTIFY channel that tells every replica an issuer changed; the payload is its issuer_id. */
export const TENANT_CHANGED_CHANNEL = 'portcullis_tenant_changed';

/**
 * Every change to a tenant, its keys or its clients goes through `apply`: the work runs in
 * one transaction that also bumps the tenant's version and queues a NOTIFY (delivered on
 * commit), and after the commit this process's listeners hear of it at once. Caches of other
 * replicas learn from the NOTIFY, or, if they missed it, from the version.
 */
@Injectable()
export class TenantChanges {
  private readonly events = new EventEmitter();

  constructor(private readonly dataSource: DataSource) {
    this.events.setMaxListeners(0);
  }

  async apply<T>(issuerId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await work(manager);
      await manager.query('UPDATE tenants SET version = version + 1 WHERE issuer_id = $1', [issuerId]);
      await manager.query('SELECT pg_notify($1, $2)', [TENANT_CHANGED_CHANNEL, issuerId]);
      return value;
    });
    this.announce(issuerId);
    return result;
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
