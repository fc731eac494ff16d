import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/**
 * argon2id with the configured cost. The default is OWASP's second profile (19 MiB, t=2,
 * p=1): the `argon2` package defaults (64 MiB, t=3, p=4) allow only ~10 logins/s on 2 cores.
 * Hashes carry their parameters, so raising the cost later still verifies old ones.
 */
@Injectable()
export class PasswordHasher {
  private readonly options: argon2.HashOptions & { raw?: false };
  /** Verified when the username is unknown, so that answer takes as long as a wrong password. */
  private readonly decoy: Promise<string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = { type: argon2.argon2id, memoryCost: config.argon2.memoryKib, timeCost: config.argon2.timeCost, parallelism: config.argon2.parallelism };
    this.decoy = argon2.hash('decoy password, never matches', this.options);
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  /** Whether `password` matches `hash`; with no hash, spends the same time and says no. */
  async verify(hash: string | undefined, password: string): Promise<boolean> {
    if (!hash) {
      await argon2.verify(await this.decoy, password);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
