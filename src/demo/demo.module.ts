import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { AccountsModule } from '../accounts/accounts.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { DemoController } from './demo.controller.js';
import { DemoSeeder } from './demo-seeder.js';

/** The development demo: an issuer, a user, a client and a page that shows the ID token. */
@Module({
  imports: [StoresModule, TenancyModule, ClientsModule, AccountsModule],
  controllers: [DemoController],
  providers: [DemoSeeder],
})
export class DemoModule implements NestModule {
  /** The callback reads the state and PKCE verifier the login step left in a cookie. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cookieParser()).forRoutes('demo-callback');
  }
}
