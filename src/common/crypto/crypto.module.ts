import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { SecretBox } from './secret-box.js';

/** The process's `SecretBox` under `KEY_ENCRYPTION_KEY(S)`. */
@Global()
@Module({
  providers: [{ provide: SecretBox, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new SecretBox(config.keyEncryptionKeys) }],
  exports: [SecretBox],
})
export class CryptoModule {}
