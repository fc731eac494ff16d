import { Global, Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { AuditEventsController } from './audit-events.controller.js';
import { AuditEventsService } from './audit-events.service.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.js';

/** The audit log: every module records its changes through AuditTrail, in their own transactions. */
@Global()
@Module({
  imports: [TenancyModule],
  controllers: [AuditEventsController],
  providers: [AuditTrail, AuditEventsService],
  exports: [AuditTrail],
})
export class AuditModule {}
