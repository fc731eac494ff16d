import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { InteractionsService } from './interactions.service.js';
import { FactorForms } from './factor-forms.js';
import { SignInSteps } from './sign-in-steps.js';
import { textOf } from '../../common/validation/text.js';

/**
 * The sign-in and consent pages of every issuer, driven by oidc-provider's interaction API.
 * Forms post back here; every POST carries a CSRF token (see csrf.ts, applied in OidcModule).
 */
@ApiExcludeController()
@Controller(':issuer_id/interaction/:uid')
export class InteractionsController {
  constructor(
    private readonly interactions: InteractionsService,
    private readonly steps: SignInSteps,
    private readonly forms: FactorForms,
  ) {}

  @Get()
  show(@Param('issuer_id') issuerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.show(issuerId, req, res);
  }

  @Post('login')
  login(@Param('issuer_id') issuerId: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.login(issuerId, textOf(body.username), textOf(body.password), req, res);
  }

  @Post('passkey')
  passkey(@Param('issuer_id') issuerId: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.passkey(issuerId, textOf(body.credential), req, res);
  }

  /** A connection's button (see federation/federated-sign-in.ts). */
  @Post('federate')
  federate(@Param('issuer_id') issuerId: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.startFederation(issuerId, textOf(body.connection), req, res);
  }

  /** Where the upstream's answer arrives from the callback (federation-callback.controller.ts), in the browser's interaction. */
  @Get('federation')
  federation(@Param('issuer_id') issuerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.finishFederation(issuerId, new URL(req.originalUrl, 'http://x').searchParams, req, res);
  }

  // The steps after the first factor (see sign-in-steps.ts).

  @Post('totp')
  totp(@Param('issuer_id') issuerId: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.afterFirstFactor(issuerId, req, res, (step) => this.forms.totp(step, textOf(body.code).trim()));
  }

  @Post('recovery')
  recovery(@Param('issuer_id') issuerId: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.afterFirstFactor(issuerId, req, res, (step) => this.forms.recoveryCode(step, textOf(body.code)));
  }

  @Post('webauthn')
  webauthn(@Param('issuer_id') issuerId: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.afterFirstFactor(issuerId, req, res, (step) => this.forms.assertion(step, textOf(body.credential)));
  }

  @Post('enroll/totp')
  enrollTotp(@Param('issuer_id') issuerId: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.afterFirstFactor(issuerId, req, res, (step) => this.forms.enrollTotp(step, textOf(body.code).trim()));
  }

  @Post('enroll/passkey')
  enrollPasskey(@Param('issuer_id') issuerId: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.afterFirstFactor(issuerId, req, res, (step) => this.forms.enrollWebAuthn(step, 'passkey', textOf(body.credential)));
  }

  @Post('enroll/security-key')
  enrollSecurityKey(@Param('issuer_id') issuerId: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.afterFirstFactor(issuerId, req, res, (step) => this.forms.enrollWebAuthn(step, 'security_key', textOf(body.credential)));
  }

  @Post('enroll/skip')
  skipEnrollment(@Param('issuer_id') issuerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.afterFirstFactor(issuerId, req, res, (step) => this.forms.skipEnrollment(step));
  }

  /** After the recovery codes page. */
  @Post('continue')
  continue(@Param('issuer_id') issuerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.interactions.afterFirstFactor(issuerId, req, res, (step) => this.steps.next(step));
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
