import { Module } from '@nestjs/common';
import { OidcModule } from '../oidc/oidc.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { ClientsController } from './clients.controller.js';
import { ClientsService } from './clients.service.js';
import { InitialAccessTokensController } from './initial-access-tokens.controller.js';
import { InitialAccessTokensService } from './initial-access-tokens.service.js';

/** Clients per issuer: the clients routes, judged by the engine's own client rules, and the initial access tokens of dynamic registration. */
@Module({
  imports: [StoresModule, TenancyModule, OidcModule],
  controllers: [ClientsController, InitialAccessTokensController],
  providers: [ClientsService, InitialAccessTokensService],
  exports: [ClientsService],
})
export class ClientsModule {}
