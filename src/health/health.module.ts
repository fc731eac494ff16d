import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { Metrics, MetricsMiddleware } from './metrics.js';
import { ReadinessCheck } from './readiness.js';

@Module({
  controllers: [HealthController],
  providers: [Metrics, MetricsMiddleware, ReadinessCheck],
  exports: [Metrics],
})
export class HealthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MetricsMiddleware).forRoutes('{*path}');
  }
}
