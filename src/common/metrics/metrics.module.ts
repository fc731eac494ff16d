import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { connectionPoolOf } from '../../database/typeorm-internals.js';
import { Metrics, MetricsMiddleware } from './metrics.js';

/** The one Prometheus registry: the engine's gateway and Nest's routes observe into it, `/metrics` reads it. */
@Module({
  providers: [
    {
      provide: Metrics,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => {
        const metrics = new Metrics();
        metrics.watchDatabasePool(() => connectionPoolOf(dataSource));
        return metrics;
      },
    },
    MetricsMiddleware,
  ],
  exports: [Metrics],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MetricsMiddleware).forRoutes('{*path}');
  }
}
