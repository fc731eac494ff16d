import { Module } from '@nestjs/common';
import { OidcModule } from '../oidc/oidc.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsService } from './sessions.service.js';

/** End-user sessions of an issuer, read from and ended in the engine's payload store; the engine sends back-channel logout for those ended. */
@Module({
  imports: [StoresModule, TenancyModule, OidcModule],
  controllers: [SessionsController],
  providers: [SessionsService],
})
export class SessionsModule {}
