import { Global, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import express from 'express';
import { AccountSignOut } from '../accounts/account-sign-out.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { InteractionCsrf } from './interactions/interaction-csrf.provider.js';
import { InteractionRateLimit } from './interactions/interaction-rate-limit.js';
import { InteractionsController } from './interactions/interactions.controller.js';
import { InteractionsService } from './interactions/interactions.service.js';
import { ClientMetadataValidator } from '../clients/client-metadata-validator.js';
import { ClientsModule } from '../clients/clients.module.js';
import { PayloadAccountSignOut } from './account-sign-out.js';
import { HealthModule } from '../health/health.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { ProviderClientMetadataValidator } from './client-metadata.validator.js';
import { IssuerGateway } from './issuer-gateway.js';
import { OidcPayloadsRepository, SqlOidcPayloadsRepository } from '../stores/oidc-payloads/oidc-payloads.store.js';
import { PayloadSweeper } from './payload-sweeper.js';
import { ProviderRegistry } from './provider-registry.js';
import { PublicRateLimits } from './public-rate-limits.js';
import { TenantChangeListener } from './tenant-change-listener.js';

/**
 * The engine: one oidc-provider per issuer, and the gateway that serves them (mounted ahead
 * of Nest's router by `createApp`). Global only to hand `ClientMetadataValidator` to the
 * Clients module and `AccountSignOut` to the Accounts module without a module cycle.
 */
@Global()
@Module({
  imports: [TenancyModule, ClientsModule, HealthModule, AccountsModule],
  controllers: [InteractionsController],
  providers: [
    ProviderRegistry,
    IssuerGateway,
    PublicRateLimits,
    InteractionsService,
    InteractionCsrf,
    TenantChangeListener,
    PayloadSweeper,
    { provide: OidcPayloadsRepository, useClass: SqlOidcPayloadsRepository },
    { provide: ClientMetadataValidator, useClass: ProviderClientMetadataValidator },
    { provide: AccountSignOut, useClass: PayloadAccountSignOut },
  ],
  exports: [ProviderRegistry, IssuerGateway, ClientMetadataValidator, AccountSignOut, OidcPayloadsRepository],
})
export class OidcModule implements NestModule {
  constructor(private readonly csrf: InteractionCsrf) {}

  /** Sign-in forms: the public rate limit, small urlencoded bodies, cookies for the CSRF check, and the check itself. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(InteractionRateLimit, cookieParser(), express.urlencoded({ extended: false, limit: '16kb' }), this.csrf.protect)
      .forRoutes(':issuer_id/interaction/{*path}');
  }
}
