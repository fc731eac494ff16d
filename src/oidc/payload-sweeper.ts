import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OidcPayloadsStore } from '../stores/oidc-payloads/oidc-payloads.store.js';

/** Expired rows are already invisible; the sweep only keeps the table small. Every replica runs it: deletes are idempotent. */
const SWEEP_INTERVAL_MS = 60_000;
/** Rows per delete statement: short transactions, so the embedded store's single writer is never held long. */
const SWEEP_BATCH = 1_000;

@Injectable()
export class PayloadSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PayloadSweeper');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly payloads: OidcPayloadsStore) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .then(() => undefined)
        .finally(() => (this.running = undefined));
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Deletes expired rows in batches until none is left; returns how many. */
  async sweep(): Promise<number> {
    let total = 0;
    try {
      for (let deleted = SWEEP_BATCH; deleted === SWEEP_BATCH; total += deleted) {
        deleted = await this.payloads.deleteExpired(SWEEP_BATCH);
      }
    } catch (error) {
      this.logger.warn(`sweep failed: ${(error as Error).message}`);
    }
    return total;
  }
}
