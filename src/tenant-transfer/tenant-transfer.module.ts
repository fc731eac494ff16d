import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { TenantTransferController } from './tenant-transfer.controller.js';
import { TenantTransferService } from './tenant-transfer.service.js';

/** Tenant export and import: above tenancy, clients and accounts, which it composes. */
@Module({
  imports: [TenancyModule, ClientsModule, AccountsModule],
  controllers: [TenantTransferController],
  providers: [TenantTransferService],
})
export class TenantTransferModule {}
