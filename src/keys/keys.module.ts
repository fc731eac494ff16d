import { Global, Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy/tenancy.module.js';
import { TenantProvisioner } from '../tenancy/tenant-provisioner.js';
import { KeyRotationScheduler } from './key-rotation.scheduler.js';
import { KeysController } from './keys.controller.js';
import { KeysService } from './keys.service.js';
import { SigningKeysProvisioner } from './signing-keys.provisioner.js';
import { SigningKeysRepository, TypeOrmSigningKeysRepository } from '../stores/signing-keys/signing-keys.store.js';

/** Signing keys per issuer. Global only to hand `TenantProvisioner` to tenancy without a module cycle. */
@Global()
@Module({
  imports: [TenancyModule],
  controllers: [KeysController],
  providers: [
    KeysService,
    KeyRotationScheduler,
    { provide: SigningKeysRepository, useClass: TypeOrmSigningKeysRepository },
    { provide: TenantProvisioner, useClass: SigningKeysProvisioner },
  ],
  exports: [KeysService, TenantProvisioner],
})
export class KeysModule {}
