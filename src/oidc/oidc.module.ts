import { Global, Module } from '@nestjs/common';
import { ClientMetadataValidator } from '../clients/client-metadata-validator.js';
import { ClientsModule } from '../clients/clients.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { ProviderClientMetadataValidator } from './client-metadata.validator.js';
import { OidcController } from './oidc.controller.js';
import { OidcPayloadsRepository, SqlOidcPayloadsRepository } from './oidc-payloads.repository.js';
import { PayloadSweeper } from './payload-sweeper.js';
import { ProviderRegistry } from './provider-registry.js';
import { TenantChangeListener } from './tenant-change-listener.js';

/**
 * The engine: one oidc-provider per issuer, and the catch-all route that serves them. Import
 * it last: its `/{issuer_id}/…` route must come after every other route. Global only to hand
 * `ClientMetadataValidator` to the Clients module without a module cycle.
 */
@Global()
@Module({
  imports: [TenancyModule, ClientsModule],
  controllers: [OidcController],
  providers: [
    ProviderRegistry,
    TenantChangeListener,
    PayloadSweeper,
    { provide: OidcPayloadsRepository, useClass: SqlOidcPayloadsRepository },
    { provide: ClientMetadataValidator, useClass: ProviderClientMetadataValidator },
  ],
  exports: [ProviderRegistry, ClientMetadataValidator],
})
export class OidcModule {}
