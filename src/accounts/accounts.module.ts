import { Module } from '@nestjs/common';
import { OidcModule } from '../oidc/oidc.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { UsersService } from './users.service.js';
import { UsersController } from './users.controller.js';
import { FactorsController } from './factors.controller.js';
import { FactorsService } from './factors.service.js';

/** The Accounts module: the users of each issuer and their routes (`/v1/tenants/{id}/users`, and their sign-in factors). Passwords are hashed with the engine's hasher, the one sign-in verifies with. */
@Module({
  imports: [StoresModule, TenancyModule, OidcModule],
  controllers: [UsersController, FactorsController],
  providers: [UsersService, FactorsService],
  exports: [UsersService],
})
export class AccountsModule {}
