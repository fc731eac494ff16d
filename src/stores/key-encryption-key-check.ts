import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DEFAULT_KEY_ID } from '../common/crypto/secret-box.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { describeDatabase } from '../database/describe-database.js';
import { UserFactorsStore } from './user-factors/user-factors.store.js';
import { ClientsStore } from './clients/clients.store.js';
import { ConnectionsStore } from './connections/connections.store.js';
import { SigningKeysStore } from './signing-keys/signing-keys.store.js';

/**
 * Refuses to start a process whose key-encryption keys cannot open what the database holds
 * (once migrations have run: the DataSource is ready before any module initialises): for each
 * key id that seals a signing key, a client secret, a TOTP secret or a connection's client
 * secret, one value must open. Without it, such a
 * process reports ready and answers 500 for every issuer, since building an issuer opens its
 * private keys. A wrong key is not a passing fault, so the process exits rather than waiting
 * unready: the reason is the last line of its log, and a rolling update stops at the first new
 * pod while the old ones keep serving.
 */
@Injectable()
export class KeyEncryptionKeyCheck implements OnModuleInit {
  constructor(
    private readonly keys: SigningKeysStore,
    private readonly clients: ClientsStore,
    private readonly factors: UserFactorsStore,
    private readonly connections: ConnectionsStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const failing = [
      ...new Set([
        ...(await this.keys.keyIdsThatDoNotOpen()),
        ...(await this.clients.keyIdsThatDoNotOpen()),
        ...(await this.factors.keyIdsThatDoNotOpen()),
        ...(await this.connections.keyIdsThatDoNotOpen()),
      ]),
    ];
    if (failing.length > 0) throw new Error(refusal(this.config, failing[0]));
  }
}

/** One line: which key failed, on which database, and how to give the process the right one. */
function refusal(config: AppConfig, keyId: string): string {
  const where = config.databaseUrl ? `the database at ${describeDatabase(config)}` : describeDatabase(config);
  const held = config.keyEncryptionKeys.some((key) => key.id === keyId);
  if (!held) {
    return (
      `the signing keys, client secrets, TOTP secrets or connection secrets in ${where} are sealed under key-encryption key '${keyId}', which this process lacks: ` +
      `add ${keyId}:<key> to KEY_ENCRYPTION_KEYS` +
      (keyId === DEFAULT_KEY_ID ? ` (or set KEY_ENCRYPTION_KEY, the key '${DEFAULT_KEY_ID}')` : '') +
      ', and keep it there until GET /v1/key-encryption-keys counts nothing under it.'
    );
  }
  if (keyId !== DEFAULT_KEY_ID || config.keyEncryptionKeys.length > 1) {
    return (
      `KEY_ENCRYPTION_KEYS holds a key '${keyId}' that does not open the signing keys, client secrets, TOTP secrets or connection secrets sealed under '${keyId}' in ${where}: ` +
      'another key was given that id. Every process on one database needs the same keys under the same ids.'
    );
  }
  const file = config.devSecrets.keyEncryptionKeyFile;
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
