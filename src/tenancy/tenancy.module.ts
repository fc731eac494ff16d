import { Module } from '@nestjs/common';
import { TenantsController } from './tenants.controller.js';
import { TenantsRepository, TypeOrmTenantsRepository } from './tenants.repository.js';
import { TenantsService } from './tenants.service.js';

@Module({
  controllers: [TenantsController],
  providers: [TenantsService, { provide: TenantsRepository, useClass: TypeOrmTenantsRepository }],
  exports: [TenantsService, TenantsRepository],
})
export class TenancyModule {}
