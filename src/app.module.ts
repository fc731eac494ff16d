import { Inject, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { adminBodyParsers } from './common/http/body-parsers.js';
import { loggerOptions } from './common/http/logger-options.js';
import { adminValidationPipe } from './common/validation/validation-pipe.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { TenancyModule } from './tenancy/tenancy.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { ClientsModule } from './clients/clients.module.js';
import { ConnectionsModule } from './connections/connections.module.js';
import { CryptoModule } from './common/crypto/crypto.module.js';
import { RateLimitsModule } from './common/rate-limits/rate-limits.module.js';
import { KeysModule } from './keys/keys.module.js';
import { KeyEncryptionModule } from './key-encryption/key-encryption.module.js';
import { OidcModule } from './oidc/oidc.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { DemoModule } from './demo/demo.module.js';
import { DiscoveryModule } from './discovery/discovery.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AdminKeysModule } from './admin-keys/admin-keys.module.js';
import { ProviderCheckModule } from './provider-check/provider-check.module.js';
import { TenantTransferModule } from './tenant-transfer/tenant-transfer.module.js';

/** What every module stands on (configuration, logger, database, encryption at rest, rate-limit store): the application's, and a test context's. */
export const platformModules = (config: AppConfig) => [
  ConfigModule.forRoot(config),
  LoggerModule.forRoot(loggerOptions(config)),
  DatabaseModule,
  CryptoModule,
  RateLimitsModule,
];

@Module({})
export class AppModule implements NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...platformModules(config),
        AuditModule,
        AdminKeysModule,
        HealthModule,
        TenancyModule,
        KeysModule,
        KeyEncryptionModule,
        ClientsModule,
        AccountsModule,
        ConnectionsModule,
        OidcModule,
        SessionsModule,
        DiscoveryModule,
        ProviderCheckModule,
        TenantTransferModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useValue: adminValidationPipe },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(...adminBodyParsers(this.config.bodyLimitBytes)).forRoutes('v1/{*path}');
  }
}
