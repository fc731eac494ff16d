import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TenantChanges } from '../stores/tenants/tenant-changes.js';
import { KeysService } from './keys.service.js';
import { SigningKeysStore } from '../stores/signing-keys/signing-keys.store.js';

/**
 * How long a retired key stays published: longer than any token it signed can live
 * (ID tokens and JWT access tokens: 1 hour), with a wide margin for clock skew and caches.
 */
const RETIRED_KEY_RETENTION_MS = 24 * 3_600_000;

/**
 * Rotates keys whose tenant's `key_rotation_days` has passed and prunes retired keys past
 * retention. Every replica runs it; `rotateIfDue` makes sure only one rotates a given tenant.
 */
@Injectable()
export class KeyRotationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('KeyRotation');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly keys: KeysService,
    private readonly store: SigningKeysStore,
    private readonly changes: TenantChanges,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.keyRotationCheckSeconds === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, this.config.keyRotationCheckSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: rotate what is due, prune what has expired. Failures are logged and retried next pass. */
  async tick(): Promise<void> {
    try {
      for (const issuerId of await this.store.tenantsDueForRotation()) {
        if (await this.keys.rotateIfDue(issuerId)) this.logger.log(`rotated the signing key of '${issuerId}' (scheduled)`);
      }
      for (const issuerId of await this.store.pruneRetired(new Date(Date.now() - RETIRED_KEY_RETENTION_MS))) {
        await this.changes.apply(issuerId, async () => undefined);
      }
    } catch (error) {
      this.logger.warn(`key rotation pass failed: ${(error as Error).message}`);
    }
  }
}
