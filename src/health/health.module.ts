import { Module } from '@nestjs/common';
import { MetricsModule } from '../common/metrics/metrics.module.js';
import { HealthController } from './health.controller.js';
import { ReadinessCheck } from './readiness.js';

/** Probes (`/healthz`, `/readyz`) and `/metrics`, which METRICS_ACCESS may put behind an admin key. */
@Module({
  imports: [MetricsModule],
  controllers: [HealthController],
  providers: [ReadinessCheck],
})
export class HealthModule {}
