import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import express from 'express';
import { MetricsModule } from '../common/metrics/metrics.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { BackchannelLogout } from './backchannel-logout.js';
import { ClientMetadataValidator } from './client-metadata.validator.js';
import { ClientUriPolicy } from './client-uri-policy.js';
import { InitialAccessTokens } from './registration/initial-access-tokens.js';
import { RegisteredClients } from './registration/registered-clients.js';
import { InteractionCsrf } from './interactions/interaction-csrf.provider.js';
import { InteractionRateLimit } from './interactions/interaction-rate-limit.js';
import { InteractionsController } from './interactions/interactions.controller.js';
import { InteractionsService } from './interactions/interactions.service.js';
import { IssuerGateway } from './issuer-gateway.js';
import { PayloadSweeper } from './payload-sweeper.js';
import { ProviderRegistry } from './provider-registry.js';
import { PublicRateLimits } from './public-rate-limits.js';
import { LoginThrottle } from './sign-in/login-throttle.js';
import { PasswordHasher } from './sign-in/password-hasher.js';
import { SignIn } from './sign-in/sign-in.js';
import { SignInProgressStore } from './sign-in/sign-in-progress.js';
import { WebAuthnCeremonies } from './sign-in/factors/webauthn.js';
import { SignInSteps } from './interactions/sign-in-steps.js';
import { FactorForms } from './interactions/factor-forms.js';
import { TenantChangeListener } from './tenant-change-listener.js';
import { FederationCallbackController } from './interactions/federation-callback.controller.js';
import { FederatedAccounts } from './federation/federated-accounts.js';
import { FederatedSignIn } from './federation/federated-sign-in.js';
import { UpstreamClients } from './federation/upstream-clients.js';

/**
 * The engine: one oidc-provider per issuer, the gateway that serves them (mounted ahead of
 * Nest's router by `createApp`), sign-in and consent, dynamic client registration. Built on the
 * stores alone; the admin API above uses its client rules, its initial access tokens, its
 * password hashing, its registry and its back-channel logout (for sessions an admin ends).
 */
@Module({
  imports: [StoresModule, MetricsModule],
  controllers: [InteractionsController, FederationCallbackController],
  providers: [
    ProviderRegistry,
    IssuerGateway,
    PublicRateLimits,
    InteractionsService,
    InteractionCsrf,
    TenantChangeListener,
    PayloadSweeper,
    ClientMetadataValidator,
    ClientUriPolicy,
    RegisteredClients,
    InitialAccessTokens,
    SignIn,
    LoginThrottle,
    SignInSteps,
    FactorForms,
    SignInProgressStore,
    WebAuthnCeremonies,
    PasswordHasher,
    BackchannelLogout,
    FederatedSignIn,
    FederatedAccounts,
    UpstreamClients,
  ],
  exports: [ProviderRegistry, IssuerGateway, ClientMetadataValidator, ClientUriPolicy, InitialAccessTokens, PasswordHasher, BackchannelLogout],
})
export class OidcModule implements NestModule {
  constructor(private readonly csrf: InteractionCsrf) {}

  /** Sign-in forms: the public rate limit, small urlencoded bodies, cookies for the CSRF check, and the check itself. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(InteractionRateLimit, cookieParser(), express.urlencoded({ extended: false, limit: '16kb' }), this.csrf.protect)
      .forRoutes(':issuer_id/interaction/{*path}');
    // An upstream's answer spends the same budget as the pages it completes.
    consumer.apply(InteractionRateLimit).forRoutes(':issuer_id/federation/{*path}');
  }
}
