import { Module } from '@nestjs/common';
import { TenantChanges } from '../stores/tenants/tenant-changes.js';
import { TenantsController } from './tenants.controller.js';
import { TenantsRepository, TypeOrmTenantsRepository } from '../stores/tenants/tenants.store.js';
import { TenantsService } from './tenants.service.js';

/** Tenants (issuers). Its `TenantProvisioner` comes from the Keys module, which is global. */
@Module({
  controllers: [TenantsController],
  providers: [TenantsService, TenantChanges, { provide: TenantsRepository, useClass: TypeOrmTenantsRepository }],
  exports: [TenantsService, TenantChanges, TenantsRepository],
})
export class TenancyModule {}
