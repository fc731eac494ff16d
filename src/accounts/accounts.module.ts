import { Module } from '@nestjs/common';
import { OidcModule } from '../oidc/oidc.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { AccountsService } from './accounts.service.js';
import { UsersController } from './users.controller.js';

/** Users per issuer: the users routes. Passwords are hashed with the engine's hasher, the one sign-in verifies with. */
@Module({
  imports: [StoresModule, TenancyModule, OidcModule],
  controllers: [UsersController],
  providers: [AccountsService],
  exports: [AccountsService],
})
export class AccountsModule {}
