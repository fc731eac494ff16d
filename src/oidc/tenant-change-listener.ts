import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { PG_CONNECTION } from '../database/database.module.js';
import { TENANT_CHANGED_CHANNEL, TenantChanges } from '../stores/tenants/tenant-changes.js';

/** Wait before reconnecting a lost LISTEN connection; the version check covers the gap. */
const RECONNECT_DELAY_MS = 2_000;

/**
 * Hears the NOTIFY that another replica sends when it changes an issuer, and passes it to this
 * process's listeners. Uses its own connection (a pooled one cannot stay in LISTEN).
 */
@Injectable()
export class TenantChangeListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('TenantChangeListener');
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(
    @Inject(PG_CONNECTION) private readonly connection: pg.ClientConfig,
    private readonly changes: TenantChanges,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ ...this.connection, application_name: 'portcullis-listen' });
    client.on('notification', (message) => {
      if (message.channel !== TENANT_CHANGED_CHANNEL || !message.payload) return;
      const [issuerId, origin] = message.payload.split(' ');
      // This process announced its own change at commit already; hearing it again would drop the issuer it has just rebuilt.
      if (origin !== this.changes.origin) this.changes.announce(issuerId);
    });
    client.on('error', (error) => this.reconnect(client, error));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${TENANT_CHANGED_CHANNEL}`);
      // Shut down while connecting: close this one too.
      if (this.stopped) {
        client.removeAllListeners();
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
    } catch (error) {
      this.reconnect(client, error as Error);
    }
  }

  private reconnect(client: pg.Client, error?: Error): void {
    if (this.stopped || (this.client !== client && this.client !== undefined)) return;
    if (error) this.logger.warn(`LISTEN connection lost (${error.message}); retrying in ${RECONNECT_DELAY_MS} ms`);
    this.client = undefined;
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), RECONNECT_DELAY_MS);
    this.retry.unref();
  }
}
