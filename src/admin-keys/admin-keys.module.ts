import { Global, Module } from '@nestjs/common';
import { StoresModule } from '../stores/stores.module.js';
import { AdminKeysController } from './admin-keys.controller.js';
import { AdminKeysService } from './admin-keys.service.js';
import { AdminAuthenticator } from './auth/admin-authenticator.js';

/**
 * Admin API keys, and the authentication of every admin request. Global because Nest resolves
 * a guard in the module of the controller it guards: every admin module's `AdminKeyGuard` needs
 * this one `AdminAuthenticator` (one count of wrong keys), not a copy of its own.
 */
@Global()
@Module({
  imports: [StoresModule],
  controllers: [AdminKeysController],
  providers: [AdminKeysService, AdminAuthenticator],
  exports: [AdminAuthenticator],
})
export class AdminKeysModule {}
