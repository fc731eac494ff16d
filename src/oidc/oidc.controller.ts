import { All, Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ProviderRegistry } from './provider-registry.js';
import { publicRouteLabel, publicRouteMethods } from './public-routes.js';

/**
 * Hands `/{issuer_id}/…` to that issuer's oidc-provider, which parses bodies and answers
 * everything itself. The provider sees the path below the issuer (`req.url`) mounted at
 * `/{issuer_id}` (`req.baseUrl`), and a host and protocol pinned to PUBLIC_URL, so endpoint
 * URLs never follow a caller's Host header.
 */
@ApiExcludeController()
@Controller()
export class OidcController {
  private readonly forwardedHost: string;
  private readonly forwardedProto: string;

  constructor(
    private readonly registry: ProviderRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const publicUrl = new URL(config.publicUrl);
    this.forwardedHost = publicUrl.host;
    this.forwardedProto = publicUrl.protocol.slice(0, -1);
  }

  /** RFC 8414 §3.1: metadata of an issuer with a path, at the path-insertion URL. */
  @Get('.well-known/oauth-authorization-server/:issuer_id')
  authorizationServerMetadata(@Param('issuer_id') issuerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.serve(issuerId, '/.well-known/oauth-authorization-server', req, res);
  }

  /** The same path-insertion form for OpenID Connect Discovery, which some relying parties use. */
  @Get('.well-known/openid-configuration/:issuer_id')
  openIdConfiguration(@Param('issuer_id') issuerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.serve(issuerId, '/.well-known/openid-configuration', req, res);
  }

  @All([':issuer_id', ':issuer_id/{*path}'])
  issuerRoute(@Param('issuer_id') issuerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const path = req.path.slice(issuerId.length + 1) || '/';
    // The JWKS is published at both contract URLs; oidc-provider serves one.
    return this.serve(issuerId, path === '/.well-known/jwks.json' ? '/jwks.json' : path, req, res);
  }

  private async serve(issuerId: string, path: string, req: Request, res: Response): Promise<void> {
    const issuer = await this.registry.get(issuerId);
    // No issuer: let the error filter answer as for any unmatched route (404, or 405 for a
    // wrong method on an admin route that this catch-all shadowed).
    if (!issuer) throw new NotFoundException();

    const methods = publicRouteMethods(path);
    if (methods && !methods.includes(req.method) && req.method !== 'OPTIONS') {
      throw new AppError(405, 'method_not_allowed', `${req.method} is not allowed on this endpoint.`, undefined, { Allow: methods.join(', ') });
    }
    res.locals.route = publicRouteLabel(path);

    const query = req.originalUrl.indexOf('?');
    req.url = path + (query >= 0 ? req.originalUrl.slice(query) : '');
    (req as { baseUrl: string }).baseUrl = `/${issuerId}`;
    req.headers['x-forwarded-host'] = this.forwardedHost;
    req.headers['x-forwarded-proto'] = this.forwardedProto;
    await issuer.handle(req, res);
  }
}
