import { Injectable, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { InteractionResults } from 'oidc-provider';
import { SignIn } from '../sign-in/sign-in.js';
import { databaseErrorKind, isTransient } from '../../database/database-errors.js';
import { IssuerGateway } from '../issuer-gateway.js';
import { PASSWORD_ACR } from '../../common/protocol.js';
import { ProviderRegistry, type LiveIssuer } from '../provider-registry.js';
import { clientPresentation, consentPage, loginPage, messagePage, type ClientPresentation } from './pages.js';
import { describeScope } from './scope-descriptions.js';
import { InteractionCsrf } from './interaction-csrf.provider.js';
import { finishInteraction } from '../oidc-provider-internals.js';
import { textOf } from '../../common/validation/text.js';

/** "Wrong username or password", never which one. */
const INVALID = 'Wrong username or password.';

@Injectable()
export class InteractionsService {
  constructor(
    private readonly registry: ProviderRegistry,
    private readonly gateway: IssuerGateway,
    private readonly signIn: SignIn,
    private readonly csrf: InteractionCsrf,
  ) {}

  async show(issuerId: string, req: Request, res: Response): Promise<void> {
    const issuer = await this.issuer(issuerId, req);
    const details = await this.details(issuer, req, res);
    if (!details) return;
    const { branding } = issuer;
    const base = `/${issuerId}/interaction/${details.uid}`;
    const csrf = this.csrf.issue(req, res);
    const client = await this.client(issuer, details);
    if (details.prompt.name === 'login') {
      return this.html(
        res,
        loginPage(branding, {
          action: `${base}/login`,
          abort: `${base}/abort`,
          csrf,
          client,
          username: textOf(details.params.login_hint),
        }),
      );
    }
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    // Everything the consent grants is listed: scopes, claims asked for one by one, and APIs.
    const asks = [
      ...(missing.missingOIDCScope ?? textOf(details.params.scope, 'openid').split(' ').filter(Boolean)).map(describeScope),
      ...(missing.missingOIDCClaims ?? []).map((claim) => `See your “${claim}”`),
      ...Object.entries(missing.missingResourceScopes ?? {}).map(([resource, scopes]) => `Call ${resource}${scopes.length ? ` (${scopes.join(', ')})` : ''}`),
    ];
    return this.html(
      res,
      consentPage(branding, {
        action: `${base}/confirm`,
        abort: `${base}/abort`,
        csrf,
        client,
        scopes: asks,
      }),
    );
  }

  async login(issuerId: string, username: string, password: string, req: Request, res: Response): Promise<void> {
    const issuer = await this.issuer(issuerId, req);
    const details = await this.details(issuer, req, res);
    if (!details) return;
    if (details.prompt.name !== 'login') return this.outOfStep(issuer, res);
    // The sign-in is as old as the password hash it is checked against: stamped before the check,
    // so a password change committed while it runs leaves this sign-in older than the change.
    const ts = Math.floor(Date.now() / 1000);
    const result = await this.signIn.attempt(issuerId, username, password, req.ip ?? '');
    if (!result.ok) {
      const base = `/${issuerId}/interaction/${details.uid}`;
      const error =
        result.reason === 'locked' ? `Too many failed attempts. Try again in ${Math.ceil((result.retryAfterSeconds ?? 60) / 60)} minutes.` : INVALID;
      res.status(result.reason === 'locked' ? 429 : 401);
      const client = await this.client(issuer, details);
      return this.html(
        res,
        loginPage(issuer.branding, { action: `${base}/login`, abort: `${base}/abort`, csrf: this.csrf.issue(req, res), client, username, error }),
      );
    }
    const login: InteractionResults = { login: { accountId: result.user.userId, acr: PASSWORD_ACR, amr: ['pwd'], ts } };
    await finishInteraction(details, res, login, { mergeWithLastSubmission: false });
  }

  /** Grants what the consent prompt asked for: the missing OIDC scopes and claims, and resource scopes. */
  async confirm(issuerId: string, req: Request, res: Response): Promise<void> {
    const issuer = await this.issuer(issuerId, req);
    const details = await this.details(issuer, req, res);
    if (!details) return;
    const { prompt, params, session, grantId } = details;
    if (prompt.name !== 'consent' || !session) return this.outOfStep(issuer, res);
    const { Grant } = issuer.provider;
    const grant = grantId ? await Grant.find(grantId) : new Grant({ accountId: session.accountId, clientId: String(params.client_id) });
    if (!grant) return this.outOfStep(issuer, res);
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const saved = await grant.save();
    await finishInteraction(details, res, { consent: grantId ? {} : { grantId: saved } }, { mergeWithLastSubmission: true });
  }

  /** The user said no: the client gets `access_denied` at its redirect URI. */
  async abort(issuerId: string, req: Request, res: Response): Promise<void> {
    const issuer = await this.issuer(issuerId, req);
    const details = await this.details(issuer, req, res);
    if (!details) return;
    await finishInteraction(details, res, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
  }

  private async issuer(issuerId: string, req: Request): Promise<LiveIssuer> {
    const issuer = await this.registry.get(issuerId);
    if (!issuer) throw new NotFoundException();
    this.gateway.pin(req);
    return issuer;
  }

  /** The interaction, or a page saying it is over (expired, finished, or another browser's). */
  private async details(issuer: LiveIssuer, req: Request, res: Response) {
    try {
      return await issuer.provider.interactionDetails(req, res);
    } catch (error) {
      if (isTransient(databaseErrorKind(error))) throw error;
      res.status(400);
      this.html(
        res,
        messagePage(issuer.branding, 'Sign-in expired', 'This sign-in request has expired or was already used. Go back to the application and start again.'),
      );
      return undefined;
    }
  }

  /** The client the interaction is for, as its pages present it. */
  private async client(issuer: LiveIssuer, details: { params: Record<string, unknown> }): Promise<ClientPresentation> {
    const clientId = String(details.params.client_id);
    return clientPresentation(clientId, await issuer.provider.Client.find(clientId));
  }

  /** A form posted for a step this interaction is not at (a stale tab, a replayed request). */
  private outOfStep(issuer: LiveIssuer, res: Response): void {
    res.status(400);
    this.html(res, messagePage(issuer.branding, 'Sign-in interrupted', 'This page is out of date. Go back to the application and start again.'));
  }

  private html(res: Response, body: string): void {
    // The security headers every page gets are set in one place: common/http/page-headers.ts.
    res.type('html').set('Cache-Control', 'no-store').send(body);
  }
}
