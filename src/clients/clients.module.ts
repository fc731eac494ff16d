import { Module } from '@nestjs/common';
import { OidcModule } from '../oidc/oidc.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { ClientUriPolicy } from './client-uri-policy.js';
import { ClientsController } from './clients.controller.js';
import { ClientsService } from './clients.service.js';

/** Clients per issuer: the clients routes, judged by the engine's own client rules. */
@Module({
  imports: [StoresModule, TenancyModule, OidcModule],
  controllers: [ClientsController],
  providers: [ClientsService, ClientUriPolicy],
  exports: [ClientsService],
})
export class ClientsModule {}
