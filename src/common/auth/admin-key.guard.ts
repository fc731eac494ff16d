import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { KeyLimitedToTenant, ResourceNotFound, Unauthenticated } from '../errors/app-error.js';
import { AdminKeyLookup, ROOT_PRINCIPAL, type AdminPrincipal } from './admin-principal.js';

export const sha256 = (text: string) => createHash('sha256').update(text).digest();

export type AdminRequest = Request & { admin?: AdminPrincipal };

/**
 * Admits a request that carries `Authorization: Bearer <key>`: the root ADMIN_API_KEY, or a
 * key created through `/v1/admin-keys`. Keys are compared by their SHA-256, the root key in
 * constant time. A key limited to one tenant reaches only routes of that tenant: another
 * tenant's routes answer 404 (as if it did not exist), routes above tenants 403.
 */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  private readonly root: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly keys: AdminKeyLookup,
  ) {
    this.root = sha256(config.adminApiKey);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AdminRequest>();
    const match = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new Unauthenticated();
    const digest = sha256(match[1]);
    const principal = timingSafeEqual(digest, this.root) ? ROOT_PRINCIPAL : await this.keys.findByDigest(digest);
    if (!principal) throw new Unauthenticated();
    req.admin = principal;

    if (principal.issuerId !== null) {
      const issuerId = req.params.issuer_id as string | undefined;
      if (issuerId === undefined) throw new KeyLimitedToTenant(principal.issuerId);
      if (issuerId !== principal.issuerId) throw new ResourceNotFound('tenant', issuerId);
    }
    return true;
  }
}
