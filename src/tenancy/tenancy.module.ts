import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { TenantsController } from './tenants.controller.js';
import { TenantsService } from './tenants.service.js';

/** Tenants (issuers): the tenants routes. A new tenant's keys come from the Keys module. */
@Module({
  imports: [StoresModule, KeysModule],
  controllers: [TenantsController],
  providers: [TenantsService],
  exports: [TenantsService],
})
export class TenancyModule {}
