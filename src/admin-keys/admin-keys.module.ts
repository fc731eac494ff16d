import { Global, Module } from '@nestjs/common';
import { AdminAuthenticator } from '../common/auth/admin-authenticator.js';
import { AdminKeyLookup } from '../common/auth/admin-principal.js';
import { AdminKeysController } from './admin-keys.controller.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { AdminKeysService } from './admin-keys.service.js';

/** Admin API keys. Global: every admin controller's guard checks keys through the one AdminAuthenticator (one count of wrong keys). */
@Global()
@Module({
  imports: [TenancyModule],
  controllers: [AdminKeysController],
  providers: [AdminKeysService, { provide: AdminKeyLookup, useExisting: AdminKeysService }, AdminAuthenticator],
  exports: [AdminKeyLookup, AdminAuthenticator],
})
export class AdminKeysModule {}
