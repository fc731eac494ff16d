import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InteractionsService } from './interactions.service.js';
import { textOf } from '../../common/validation/text.js';

/**
 * The sign-in and consent pages of every issuer, driven by oidc-provider's interaction API.
 * Forms post back here; every POST carries a CSRF token (see csrf.ts, applied in OidcModule).
 */
@ApiExcludeController()
@Controller(':issuer_id/interaction/:uid')
export class InteractionsController {
  constructor(private readonly interactions: InteractionsService) {}

  @Get()
  show(@Param('issuer_id') issuerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.show(issuerId, req, res);
  }

  @Post('login')
  login(@Param('issuer_id') issuerId: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.login(issuerId, textOf(body.username), textOf(body.password), req, res);
  }

  @Post('confirm')
  confirm(@Param('issuer_id') issuerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.confirm(issuerId, req, res);
  }

  @Post('abort')
  abort(@Param('issuer_id') issuerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.abort(issuerId, req, res);
  }
}
