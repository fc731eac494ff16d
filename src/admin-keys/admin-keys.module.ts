import { Global, Module } from '@nestjs/common';
import { AdminKeyLookup } from '../common/auth/admin-principal.js';
import { AdminKeysController } from './admin-keys.controller.js';
import { AdminKeysService } from './admin-keys.service.js';

/** Admin API keys. Global: every admin controller's guard looks keys up through AdminKeyLookup. */
@Global()
@Module({
  controllers: [AdminKeysController],
  providers: [AdminKeysService, { provide: AdminKeyLookup, useExisting: AdminKeysService }],
  exports: [AdminKeyLookup],
})
export class AdminKeysModule {}
