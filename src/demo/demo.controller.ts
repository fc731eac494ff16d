import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { decodeJwt } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { messagePage } from '../oidc/interactions/pages.js';
import { DEMO_ISSUER, DemoSeeder } from './demo-seeder.js';

const COOKIE = 'portcullis.demo';

/**
 * A tiny relying party for the demo issuer (development only): `/demo-login` starts a code
 * flow with PKCE, `/demo-callback` redeems the code and shows the ID token's claims.
 */
@ApiExcludeController()
@Controller()
export class DemoController {
  constructor(
    private readonly seeder: DemoSeeder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('demo-login')
  async login(@Res() res: Response): Promise<void> {
    const clientId = await this.seeder.clientId();
    if (!clientId)
      return void res
        .status(404)
        .type('html')
        .send(messagePage({ tenantName: 'Portcullis' }, 'No demo', 'The demo issuer exists only in development.'));
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(16).toString('base64url');
    const url = new URL(`${this.config.publicUrl}/${DEMO_ISSUER}/authorize`);
    url.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      scope: 'openid profile email',
      redirect_uri: `${this.config.publicUrl}/demo-callback`,
      state,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    res.cookie(COOKIE, `${state}.${verifier}`, { httpOnly: true, sameSite: 'lax', path: '/demo-callback', maxAge: 600_000 });
    res.redirect(303, url.href);
  }

  @Get('demo-callback')
  async callback(@Query() query: Record<string, string>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const branding = { tenantName: 'Portcullis demo' };
    const [state, verifier] = String((req.cookies as Record<string, string> | undefined)?.[COOKIE] ?? '').split('.');
    if (query.error)
      return void res
        .status(400)
        .type('html')
        .send(messagePage(branding, 'Not signed in', `${query.error}: ${query.error_description ?? ''}`));
    if (!state || state !== query.state || !query.code)
      return void res
        .status(400)
        .type('html')
        .send(messagePage(branding, 'Not signed in', 'The sign-in response did not match this browser. Start again at /demo-login.'));
    // The code is redeemed over loopback: the token endpoint is this very process.
    const token = await fetch(`http://127.0.0.1:${this.config.port}/${DEMO_ISSUER}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: query.code,
        redirect_uri: `${this.config.publicUrl}/demo-callback`,
        client_id: (await this.seeder.clientId())!,
        code_verifier: verifier,
      }),
    });
    const body = (await token.json()) as { id_token?: string; access_token?: string; error?: string; error_description?: string };
    if (!body.id_token)
      return void res
        .status(400)
        .type('html')
        .send(messagePage(branding, 'Not signed in', `${body.error}: ${body.error_description ?? ''}`));
    const userinfo = await (
      await fetch(`http://127.0.0.1:${this.config.port}/${DEMO_ISSUER}/userinfo`, { headers: { authorization: `Bearer ${body.access_token}` } })
    ).json();
    res.clearCookie(COOKIE, { path: '/demo-callback' });
    res
      .type('html')
      .send(messagePage(branding, 'Signed in', 'Your ID token says, and then the userinfo endpoint:', { id_token: decodeJwt(body.id_token), userinfo }));
  }
}
