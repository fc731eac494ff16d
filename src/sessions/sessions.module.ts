import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';

/** Uses the OIDC module's payload repository (global module). */
@Module({
  imports: [TenancyModule],
  controllers: [SessionsController],
  providers: [SessionsService],
})
export class SessionsModule {}
