import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { describeDatabase } from '../database/describe-database.js';
import { SigningKeysStore } from './signing-keys/signing-keys.store.js';

/**
 * Refuses to start a process whose key-encryption key cannot open what the database holds
 * (once migrations have run: the DataSource is ready before any module initialises). Without
 * it, such a process reports ready and answers 500 for every issuer, since building an issuer
 * opens its private keys. A wrong key is not a passing fault, so the process exits rather than
 * waiting unready: the reason is the last line of its log, and a rolling update stops at the
 * first new pod while the old ones keep serving.
 */
@Injectable()
export class KeyEncryptionKeyCheck implements OnModuleInit {
  constructor(
    private readonly keys: SigningKeysStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!(await this.keys.opensStoredKeys())) throw new Error(refusal(this.config));
  }
}

/** One line: which key failed, on which database, and how to give the process the right one. */
function refusal(config: AppConfig): string {
  const file = config.devSecrets.keyEncryptionKeyFile;
  const where = config.databaseUrl ? `the database at ${describeDatabase(config)}` : describeDatabase(config);
  if (!file) {
    return (
      `KEY_ENCRYPTION_KEY does not open the signing keys in ${where}: they were sealed under another key. ` +
      'Every process on one database needs the same key: set KEY_ENCRYPTION_KEY to the one they were sealed with.'
    );
  }
  if (!config.databaseUrl) {
    return (
      `KEY_ENCRYPTION_KEY is unset, and the key in ${file} does not open the signing keys in ${where}: they were sealed under another key. ` +
      `Put the key they were sealed with back in ${file}, or set KEY_ENCRYPTION_KEY to it.`
    );
  }
  return (
    `KEY_ENCRYPTION_KEY is unset, and the key generated in ${file} does not open the signing keys in ${where}: ` +
    'another process (with another DATA_DIR) sealed them under its own. ' +
    'Every process on one database needs the same key: set KEY_ENCRYPTION_KEY to the contents of that DATA_DIR/key-encryption-key.'
  );
}
