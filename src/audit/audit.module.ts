import { Module } from '@nestjs/common';
import { StoresModule } from '../stores/stores.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { AuditEventsController } from './audit-events.controller.js';
import { AuditEventsService } from './audit-events.service.js';

/** The audit log's routes. Every change records its event through the store's `AuditTrail`, in the change's transaction. */
@Module({
  imports: [StoresModule, TenancyModule],
  controllers: [AuditEventsController],
  providers: [AuditEventsService],
})
export class AuditModule {}
