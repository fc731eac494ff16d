import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Metrics } from './metrics.js';
import { ReadinessCheck, type Readiness } from './readiness.js';

/** Probes and metrics for operators. Not rate limited, not authenticated, not in the admin API document. */
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessCheck,
    private readonly metrics: Metrics,
  ) {}

  /** Liveness: the process runs its event loop. Touches nothing else, so a database outage never restarts pods. */
  @Get('healthz')
  @Header('Cache-Control', 'no-store')
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  @Header('Cache-Control', 'no-store')
  async readyz(@Res({ passthrough: true }) res: Response): Promise<Readiness & { status: string }> {
    const readiness = await this.readiness.check();
    if (!readiness.ready) res.status(503).set('Retry-After', '5');
    return { status: readiness.ready ? 'ok' : 'unavailable', ...readiness };
  }

  @Get('metrics')
  async metricsText(@Res() res: Response): Promise<void> {
    res.type(this.metrics.registry.contentType).set('Cache-Control', 'no-store').send(await this.metrics.registry.metrics());
  }
}
