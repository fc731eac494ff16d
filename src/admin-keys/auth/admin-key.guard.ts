import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { KeyLimitedToTenant, ResourceNotFound } from '../../common/errors/app-error.js';
import { AdminAuthenticator } from './admin-authenticator.js';
import type { AdminPrincipal } from '../../common/auth/admin-principal.js';

export type AdminRequest = Request & { admin?: AdminPrincipal };

/**
 * Admits a request that carries `Authorization: Bearer <key>` (checked, and wrong keys
 * throttled, by AdminAuthenticator). A key limited to one tenant reaches only routes of that
 * tenant: another tenant's routes answer 404 (as if it did not exist), routes above tenants 403.
 */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  constructor(private readonly authenticator: AdminAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AdminRequest>();
    const principal = await this.authenticator.authenticate(req);
    req.admin = principal;

    if (principal.issuerId !== null) {
      const issuerId = req.params.issuer_id as string | undefined;
      if (issuerId === undefined) throw new KeyLimitedToTenant(principal.issuerId);
      if (issuerId !== principal.issuerId) throw new ResourceNotFound('tenant', issuerId);
    }
    return true;
  }
}
