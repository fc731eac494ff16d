import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Unauthenticated } from '../errors/app-error.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Admits a request that carries `Authorization: Bearer <ADMIN_API_KEY>`. Both sides are
 * hashed first, so the comparison takes the same time whatever the length or content of
 * the presented key.
 */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = sha256(config.adminApiKey);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer +(\S+) *$/i.exec(header);
    if (!match || !timingSafeEqual(sha256(match[1]), this.expected)) throw new Unauthenticated();
    return true;
  }
}
