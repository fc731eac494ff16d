import { Module } from '@nestjs/common';
import { ProviderCheckModule } from '../provider-check/provider-check.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { ConnectionsController } from './connections.controller.js';
import { ConnectionsService } from './connections.service.js';

/** Federated sign-in's admin side: each tenant's connections to upstream OpenID Providers, checked with the provider check's discovery. */
@Module({
  imports: [StoresModule, TenancyModule, ProviderCheckModule],
  controllers: [ConnectionsController],
  providers: [ConnectionsService],
  exports: [ConnectionsService],
})
export class ConnectionsModule {}
