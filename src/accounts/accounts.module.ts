import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { AccountsRepository, TypeOrmAccountsRepository } from '../stores/users/users.store.js';
import { AccountsService } from './accounts.service.js';
import { LoginThrottle } from '../oidc/sign-in/login-throttle.js';
import { PasswordHasher } from '../oidc/sign-in/password-hasher.js';
import { SignIn } from '../oidc/sign-in/sign-in.js';
import { UsersController } from './users.controller.js';

/** Its `AccountSignOut` comes from the OIDC module, which is global. */
@Module({
  imports: [TenancyModule],
  controllers: [UsersController],
  providers: [AccountsService, PasswordHasher, LoginThrottle, SignIn, { provide: AccountsRepository, useClass: TypeOrmAccountsRepository }],
  exports: [AccountsRepository, AccountsService, SignIn],
})
export class AccountsModule {}
