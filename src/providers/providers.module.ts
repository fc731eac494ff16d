import { Module } from '@nestjs/common';
import { DiscoveryNetwork } from './discovery-network.js';
import { DiscoveryRateLimitGuard } from './discovery-rate-limit.guard.js';
import { ProvidersController } from './providers.controller.js';
import { ProvidersService } from './providers.service.js';

/** The provider check (seed 002): judges an external issuer's metadata and keys. Stateless. */
@Module({
  controllers: [ProvidersController],
  providers: [ProvidersService, DiscoveryNetwork, DiscoveryRateLimitGuard],
})
export class ProvidersModule {}
