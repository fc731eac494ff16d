import { Module } from '@nestjs/common';
import { MetricsModule } from '../common/metrics/metrics.module.js';
import { StoresModule } from '../stores/stores.module.js';
import { KeyRotationScheduler } from './key-rotation.scheduler.js';
import { KeysController } from './keys.controller.js';
import { KeysService } from './keys.service.js';

/** Signing keys per issuer: the keys routes, rotation (on request and scheduled), and a new tenant's first keys. */
@Module({
  imports: [StoresModule, MetricsModule],
  controllers: [KeysController],
  providers: [KeysService, KeyRotationScheduler],
  exports: [KeysService],
})
export class KeysModule {}
