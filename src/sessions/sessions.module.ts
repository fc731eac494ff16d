import { Module } from '@nestjs/common';
import { StoresModule } from '../stores/stores.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';

/** End-user sessions of an issuer, read from and ended in the engine's payload store. */
@Module({
  imports: [StoresModule, TenancyModule],
  controllers: [SessionsController],
  providers: [SessionsService],
})
export class SessionsModule {}
