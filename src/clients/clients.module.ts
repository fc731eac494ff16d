import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { ClientUriPolicy } from './client-uri-policy.js';
import { ClientsController } from './clients.controller.js';
import { ClientsRepository, TypeOrmClientsRepository } from '../stores/clients/clients.store.js';
import { ClientsService } from './clients.service.js';

/** Clients per issuer. Its `ClientMetadataValidator` comes from the OIDC module, which is global. */
@Module({
  imports: [TenancyModule],
  controllers: [ClientsController],
  providers: [ClientsService, ClientUriPolicy, { provide: ClientsRepository, useClass: TypeOrmClientsRepository }],
  exports: [ClientsRepository, ClientsService],
})
export class ClientsModule {}
