import { Module } from '@nestjs/common';
import { CheckNetwork } from './check-network.js';
import { CheckRateLimitGuard } from './check-rate-limit.guard.js';
import { ProviderCheckController } from './provider-check.controller.js';
import { ProviderCheckService } from './provider-check.service.js';

/** The provider check (seed 002): judges an external issuer's metadata and keys. Stateless. Connections discover their issuers with it. */
@Module({
  controllers: [ProviderCheckController],
  providers: [ProviderCheckService, CheckNetwork, CheckRateLimitGuard],
  exports: [ProviderCheckService],
})
export class ProviderCheckModule {}
