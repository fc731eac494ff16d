import { Global, Module } from '@nestjs/common';
import { ClientMetadataValidator } from '../clients/client-metadata-validator.js';
import { ClientsModule } from '../clients/clients.module.js';
import { HealthModule } from '../health/health.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { ProviderClientMetadataValidator } from './client-metadata.validator.js';
import { IssuerGateway } from './issuer-gateway.js';
import { OidcPayloadsRepository, SqlOidcPayloadsRepository } from './oidc-payloads.repository.js';
import { PayloadSweeper } from './payload-sweeper.js';
import { ProviderRegistry } from './provider-registry.js';
import { TenantChangeListener } from './tenant-change-listener.js';

/**
 * The engine: one oidc-provider per issuer, and the gateway that serves them (mounted ahead
 * of Nest's router by `createApp`). Global only to hand `ClientMetadataValidator` to the
 * Clients module without a module cycle.
 */
@Global()
@Module({
  imports: [TenancyModule, ClientsModule, HealthModule],
  providers: [
    ProviderRegistry,
    IssuerGateway,
    TenantChangeListener,
    PayloadSweeper,
    { provide: OidcPayloadsRepository, useClass: SqlOidcPayloadsRepository },
    { provide: ClientMetadataValidator, useClass: ProviderClientMetadataValidator },
  ],
  exports: [ProviderRegistry, IssuerGateway, ClientMetadataValidator],
})
export class OidcModule {}
