import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { Metrics, MetricsMiddleware } from './metrics.js';

/** The one Prometheus registry: the engine's gateway and Nest's routes observe into it, `/metrics` reads it. */
@Module({
  providers: [Metrics, MetricsMiddleware],
  exports: [Metrics],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MetricsMiddleware).forRoutes('{*path}');
  }
}
