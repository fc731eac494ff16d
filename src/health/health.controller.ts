import { Controller, Get, Header, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AdminAuthenticator } from '../admin-keys/auth/admin-authenticator.js';
import { requireOperatorKey } from '../admin-keys/auth/operator-access.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Metrics } from '../common/metrics/metrics.js';
import { ReadinessCheck, type Readiness } from './readiness.js';

/**
 * Probes and metrics for operators. Not rate limited, not in the admin API document. Probes
 * are never authenticated; metrics as METRICS_ACCESS says.
 */
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessCheck,
    private readonly metrics: Metrics,
    private readonly authenticator: AdminAuthenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    return { status: readiness.ready ? 'ok' : this.readiness.shuttingDown ? 'shutting_down' : 'unavailable', ...readiness };
  }

  @Get('metrics')
  async metricsText(@Req() req: Request, @Res() res: Response): Promise<void> {
    // `off` answers as if there were no such route.
    if (this.config.metricsAccess === 'off') throw new NotFoundException();
    if (this.config.metricsAccess === 'admin') await requireOperatorKey(req, this.authenticator);
    res
      .type(this.metrics.registry.contentType)
      .set('Cache-Control', 'no-store')
      .send(await this.metrics.registry.metrics());
  }
}
