import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { TooManyRequests } from '../../common/errors/app-error.js';
import { PublicRateLimits } from '../public-rate-limits.js';

/** The issuer_id of `/{issuer_id}/interaction/…`. */
const issuerIdOf = (req: Request) => req.originalUrl.split('?')[0].split('/')[1] ?? '';

/**
 * The sign-in and consent pages spend the same per-issuer, per-client budget as the protocol
 * endpoints the issuer gateway serves (RATE_LIMIT_PROTOCOL_PER_MINUTE): they are one flow, and
 * each sign-in POST costs a password hash. Runs first, before the body is read or the CSRF
 * token checked, so a refused request costs nothing more. The client address is Express's
 * `req.ip`, which follows `trust proxy`.
 */
@Injectable()
export class InteractionRateLimit implements NestMiddleware {
  constructor(private readonly limits: PublicRateLimits) {}

  async use(req: Request, _res: Response, next: NextFunction): Promise<void> {
    if (this.limits.applies('protocol')) {
      const seconds = await this.limits.retryAfter('protocol', issuerIdOf(req), req.ip ?? '');
      if (seconds > 0) throw new TooManyRequests(seconds);
    }
    next();
  }
}
