import { Module } from '@nestjs/common';
import { StoresModule } from '../stores/stores.module.js';
import { KeyEncryptionController } from './key-encryption.controller.js';
import { KeyEncryptionService } from './key-encryption.service.js';

/** Key-encryption key rotation: the admin routes that count and re-encrypt what each key seals. */
@Module({
  imports: [StoresModule],
  controllers: [KeyEncryptionController],
  providers: [KeyEncryptionService],
})
export class KeyEncryptionModule {}
