import { Module } from '@nestjs/common';
import { OidcModule } from '../oidc/oidc.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { UsersService } from './users.service.js';
import { UsersController } from './users.controller.js';
import { FactorsController } from './factors.controller.js';
import { FactorsService } from './factors.service.js';
import { LinksController } from './links.controller.js';
import { LinksService } from './links.service.js';

/** The Accounts module: the users of each issuer and their routes (`/v1/tenants/{id}/users`, their sign-in factors and their links to upstream identities). Passwords are hashed with the engine's hasher, the one sign-in verifies with. */
@Module({
  imports: [StoresModule, TenancyModule, OidcModule],
  controllers: [UsersController, FactorsController, LinksController],
  providers: [UsersService, FactorsService, LinksService],
  exports: [UsersService],
})
export class AccountsModule {}
