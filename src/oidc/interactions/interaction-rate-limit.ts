import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { TooManyRequests } from '../../common/errors/app-error.js';
import { ProviderRegistry } from '../provider-registry.js';
import { PublicRateLimits } from '../public-rate-limits.js';

/**
 * The issuer_id of `/{issuer_id}/interaction/…` as the route's parameter gets it: percent-decoded,
 * so `/%61cme/…` is `acme`'s page and spends `acme`'s budget. Undefined when it does not decode.
 */
function issuerIdOf(req: Request): string | undefined {
  const segment = req.originalUrl.split('?')[0].split('/')[1] ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The sign-in and consent pages spend the same per-issuer, per-client budget as the protocol
 * endpoints the issuer gateway serves (RATE_LIMIT_PROTOCOL_PER_MINUTE), under the same key:
 * they are one flow, and each sign-in POST costs a password hash. Runs first, before the body
 * is read or the CSRF token checked, so a refused request costs nothing more.
 *
 * Only a live issuer's pages are counted: the registry refuses any id that is not a valid
 * issuer_id without a lookup, and remembers unknown ones, so a flood of made-up (or huge)
 * issuer segments makes no counters; those requests go on to the route, which answers 404.
 */
@Injectable()
export class InteractionRateLimit implements NestMiddleware {
  constructor(
    private readonly limits: PublicRateLimits,
    private readonly registry: ProviderRegistry,
  ) {}

  async use(req: Request, _res: Response, next: NextFunction): Promise<void> {
    if (this.limits.applies('protocol')) {
      const issuerId = issuerIdOf(req);
      const issuer = issuerId === undefined ? null : await this.registry.get(issuerId);
      if (issuer) {
        const seconds = await this.limits.retryAfter('protocol', issuer, req);
        if (seconds > 0) throw new TooManyRequests(seconds);
      }
    }
    next();
  }
}
