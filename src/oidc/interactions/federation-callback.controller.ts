import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { FederatedSignIn } from '../federation/federated-sign-in.js';
import { expiredPage } from './pages.js';
import { ProviderRegistry } from '../provider-registry.js';
import { IssuerGateway } from '../issuer-gateway.js';

/**
 * The redirect URI of every connection (`/{issuer_id}/federation/{name}/callback`), which an
 * upstream's answer comes back to. The interaction's cookie is not sent here (it is pathed to the
 * interaction), so the answer is passed on, unread, to the interaction its `state` names, where
 * the cookie shows whether this browser started it: a state taken from another sign-in, or sent
 * to another tenant or connection, completes nothing.
 */
@ApiExcludeController()
@Controller(':issuer_id/federation/:name')
export class FederationCallbackController {
  constructor(
    private readonly federation: FederatedSignIn,
    private readonly registry: ProviderRegistry,
    private readonly gateway: IssuerGateway,
  ) {}

  @Get('callback')
  async callback(@Param('issuer_id') issuerId: string, @Param('name') name: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const issuer = await this.registry.get(issuerId);
    if (!issuer) throw new NotFoundException();
    this.gateway.pin(req);
    const query = new URL(req.originalUrl, 'http://x').searchParams;
    const uid = await this.federation.interactionOf(issuerId, name, query.get('state') ?? '');
    if (!uid) {
      res.status(400).type('html').set('Cache-Control', 'no-store');
      res.send(expiredPage(issuer.branding));
      return;
    }
    res.set('Cache-Control', 'no-store').redirect(303, `/${issuerId}/interaction/${uid}/federation?${query.toString()}`);
  }
}
