import { Injectable, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SignIn } from '../sign-in/sign-in.js';
import { databaseErrorKind, isTransient } from '../../database/database-errors.js';
import { IssuerGateway } from '../issuer-gateway.js';
import { ProviderRegistry, type LiveIssuer } from '../provider-registry.js';
import { clientPresentation, consentPage, expiredPage, loginPage, messagePage, type ClientPresentation } from './pages.js';
import { describeScope } from './scope-descriptions.js';
import { InteractionCsrf } from './interaction-csrf.provider.js';
import { finishInteraction, type LoadedInteraction } from '../oidc-provider-internals.js';
import { jsonOf, textOf } from '../../common/validation/text.js';
import { SignInSteps, type Step } from './sign-in-steps.js';
import { SignInProgressStore } from '../sign-in/sign-in-progress.js';
import { WebAuthnCeremonies } from '../sign-in/factors/webauthn.js';
import { UserFactorsStore } from '../../stores/user-factors/user-factors.store.js';
import { levelOfSignIn, withMethods } from '../sign-in/sign-in-level.js';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Connection } from '../../stores/connections/connection.js';
import { FederatedSignIn } from '../federation/federated-sign-in.js';
import { UpstreamUnavailable } from '../federation/upstream-clients.js';
import { byEmail, byName, onlyWayIn } from '../federation/routing.js';

/** Which first factors the issuer's sign-in page offers. */
const firstFactors = (issuer: LiveIssuer) => ({
  password: issuer.tenant.signInPolicy.factors.includes('password'),
  passkey: issuer.tenant.signInPolicy.factors.includes('passkey'),
});

/** "Wrong username or password", never which one. */
const INVALID = 'Wrong username or password.';

@Injectable()
export class InteractionsService {
  constructor(
    private readonly registry: ProviderRegistry,
    private readonly gateway: IssuerGateway,
    private readonly signIn: SignIn,
    private readonly csrf: InteractionCsrf,
    private readonly steps: SignInSteps,
    private readonly progress: SignInProgressStore,
    private readonly webauthn: WebAuthnCeremonies,
    private readonly factors: UserFactorsStore,
    private readonly federation: FederatedSignIn,
  ) {}

  async show(issuerId: string, req: Request, res: Response): Promise<void> {
    const issuer = await this.issuer(issuerId, req);
    const details = await this.details(issuer, req, res);
    if (!details) return;
    const { branding } = issuer;
    if (details.prompt.name === 'login' || details.prompt.name === 'enroll') {
      const step = await this.step(issuer, details, req, res);
      if (step) return this.steps.next(step);
      if (details.prompt.name === 'enroll') return this.outOfStep(issuer, res);
      const hint = textOf(details.params.login_hint);
      const connections = await this.federation.list(issuerId);
      // The relying party already knows where the user signs in: `idp_hint` names a connection, or `login_hint` an email of its domains.
      const routed = byName(connections, textOf(details.params.idp_hint)) ?? byEmail(connections, hint);
      if (routed) return this.federate(issuer, details, routed, req, res, hint || undefined);
      return this.loginPage(issuer, details, req, res, { username: hint }, 200, connections);
    }
    const base = `/${issuerId}/interaction/${details.uid}`;
    const csrf = this.csrf.issue(req, res);
    const client = await this.client(issuer, details);
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
    const connections = await this.federation.list(issuerId);
    // Home-realm discovery: an email of a connection's domain signs in there, whatever was typed as a password.
    const home = byEmail(connections, username);
    if (home) return this.federate(issuer, details, home, req, res, username);
    if (!firstFactors(issuer).password) return this.loginPage(issuer, details, req, res, { username, error: 'Sign in with a passkey.' }, 400, connections);
    const result = await this.signIn.attempt(issuerId, username, password, req.ip ?? '');
    if (!result.ok) {
      const error =
        result.reason === 'locked' ? `Too many failed attempts. Try again in ${Math.ceil((result.retryAfterSeconds ?? 60) / 60)} minutes.` : INVALID;
      return this.loginPage(issuer, details, req, res, { username, error }, result.reason === 'locked' ? 429 : 401, connections);
    }
    const only = onlyWayIn(connections, result.user);
    if (only) return this.loginPage(issuer, details, req, res, { username, error: `Sign in with ${only.displayName}.` }, 401, connections);
    // A new first factor starts the sign-in over: what an earlier attempt in this interaction reached is replaced.
    const progress = { accountId: result.user.userId, amr: ['pwd'], ts, firstAttempt: result.firstAttempt };
    await this.progress.save(issuerId, details.uid, progress);
    return this.steps.next({ issuer, details, req, res, user: result.user, progress });
  }

  /** A passkey as the first factor (and, verifying its user, a second): the credential names the user. */
  async passkey(issuerId: string, credentialJson: string, req: Request, res: Response): Promise<void> {
    const issuer = await this.issuer(issuerId, req);
    const details = await this.details(issuer, req, res);
    if (!details) return;
    if (details.prompt.name !== 'login') return this.outOfStep(issuer, res);
    const refused = () => this.loginPage(issuer, details, req, res, { error: 'That passkey was not accepted here.' }, 401);
    const response = jsonOf(credentialJson) as { id?: unknown; response?: { userHandle?: unknown } } | undefined;
    const challenge = await this.progress.takeChallenge(issuerId, details.uid);
    const id = textOf(response?.id);
    // Credential ids are unique within a tenant only: another tenant's passkey is unknown here.
    const credential = challenge && id && firstFactors(issuer).passkey ? await this.factors.credentialById(issuerId, id) : null;
    if (!challenge || !credential || credential.kind !== 'passkey') return refused();
    const user = await this.signIn.find(issuerId, credential.userId);
    const handle = textOf(response?.response?.userHandle);
    if (!user || (handle && Buffer.from(isoBase64URL.toBuffer(handle)).toString('utf8') !== user.userId)) return refused();
    if (onlyWayIn(await this.federation.list(issuerId), user)) return refused();
    const ts = Math.floor(Date.now() / 1000);
    let methods: Array<'hwk' | 'swk' | 'user'> = [];
    const refusal = await this.signIn.factor(issuerId, user, 'passkey', req.ip ?? '', async () => {
      const assertion = await this.webauthn.verifyAssertion(response, challenge, credential, true);
      if (!assertion || !(await this.factors.recordAssertion(issuerId, credential.factorId, assertion.signCount))) return false;
      methods = [assertion.synced ? 'swk' : 'hwk', 'user'];
      return true;
    });
    if (refusal) return refused();
    const progress = { accountId: user.userId, amr: withMethods([], ...methods), ts, stepped: true };
    await this.progress.save(issuerId, details.uid, progress);
    return this.steps.next({ issuer, details, req, res, user, progress });
  }

  /** A form of a step after the first factor: run by `act` with the step it belongs to, or refused as out of step. */
  async afterFirstFactor(issuerId: string, req: Request, res: Response, act: (step: Step) => Promise<void>): Promise<void> {
    const issuer = await this.issuer(issuerId, req);
    const details = await this.details(issuer, req, res);
    if (!details) return;
    const step = details.prompt.name === 'login' || details.prompt.name === 'enroll' ? await this.step(issuer, details, req, res) : undefined;
    if (!step) return this.outOfStep(issuer, res);
    return act(step);
  }

  /** A connection's button: sign in there. */
  async startFederation(issuerId: string, name: string, req: Request, res: Response): Promise<void> {
    const issuer = await this.issuer(issuerId, req);
    const details = await this.details(issuer, req, res);
    if (!details) return;
    if (details.prompt.name !== 'login') return this.outOfStep(issuer, res);
    const connection = byName(await this.federation.list(issuerId), name);
    if (!connection) return this.loginPage(issuer, details, req, res, { error: 'That way of signing in is not offered here.' }, 400);
    return this.federate(issuer, details, connection, req, res);
  }

  /** The upstream's answer, sent on here by the callback (FederationCallbackController) to the browser's interaction. */
  async finishFederation(issuerId: string, query: URLSearchParams, req: Request, res: Response): Promise<void> {
    const issuer = await this.issuer(issuerId, req);
    const details = await this.details(issuer, req, res);
    if (!details) return;
    if (details.prompt.name !== 'login') return this.outOfStep(issuer, res);
    // Stamped before the upstream's answer is checked and the account found, as a password sign-in
    // is stamped before its check: a sign-out of the user committed meanwhile leaves this one older.
    const proven = Math.floor(Date.now() / 1000);
    const result = await this.federation.complete(issuer, details, query, req.ip ?? '');
    if (!result.ok) return this.loginPage(issuer, details, req, res, { error: result.message }, result.status);
    // auth_time is when the person authenticated upstream, unless that is later than this or before
    // the user's credentials epoch (such a session would not be honoured, and the upstream's SSO would send it back).
    const epoch = Math.ceil((result.user.credentialsChangedAt?.getTime() ?? 0) / 1000);
    const ts = result.authTime !== undefined && result.authTime <= proven && result.authTime > epoch ? result.authTime : proven;
    const progress = { accountId: result.user.userId, amr: withMethods([], 'fed'), ts, federatedLevel: result.level };
    await this.progress.save(issuerId, details.uid, progress);
    return this.steps.next({ issuer, details, req, res, user: result.user, progress });
  }

  /** Sends the browser to `connection`'s upstream; an upstream that cannot be reached is said so on the sign-in page. */
  private async federate(issuer: LiveIssuer, details: LoadedInteraction, connection: Connection, req: Request, res: Response, loginHint?: string) {
    try {
      res.redirect(303, await this.federation.start(issuer, details, connection, loginHint));
    } catch (error) {
      if (!(error instanceof UpstreamUnavailable)) throw error;
      return this.loginPage(issuer, details, req, res, { error: `${connection.displayName} cannot be reached right now. Try again later.` }, 502);
    }
  }

  /**
   * The sign-in in progress: after a first factor in this interaction, or a step-up (a session
   * whose sign-in is too weak for this request, and nothing else asks to sign in again: not
   * `prompt=login`, `max_age` or another account), which starts from the session's methods;
   * or the `enroll` prompt, for the session's user (see hooks/interaction-policy.ts).
   */
  private async step(issuer: LiveIssuer, details: LoadedInteraction, req: Request, res: Response): Promise<Step | undefined> {
    const issuerId = issuer.tenant.issuerId;
    let progress = await this.progress.get(issuerId, details.uid);
    const stepUp = details.session?.accountId !== undefined && details.prompt.reasons.every((reason) => reason === 'acr_level');
    const enroll = details.prompt.name === 'enroll' && details.session?.accountId !== undefined;
    if (!progress.accountId && (stepUp || enroll)) {
      const amr = details.session!.amr ?? [];
      // A session from an upstream keeps the level its acr says (see levelOfSignIn) through the step-up.
      const federatedLevel = amr.includes('fed') ? levelOfSignIn(details.session!) : undefined;
      progress = {
        accountId: details.session!.accountId,
        amr,
        ts: Math.floor(Date.now() / 1000),
        stepped: true,
        ...(federatedLevel === undefined ? {} : { federatedLevel }),
        ...(enroll ? { enrollOnly: true } : {}),
      };
      await this.progress.save(issuerId, details.uid, progress);
    }
    if (!progress.accountId) return undefined;
    const user = await this.signIn.find(issuerId, progress.accountId);
    return user ? { issuer, details, req, res, user, progress } : undefined;
  }

  private async loginPage(
    issuer: LiveIssuer,
    details: LoadedInteraction,
    req: Request,
    res: Response,
    { username = '', error }: { username?: string; error?: string },
    status = 200,
    /** The tenant's connections, when the caller has read them already. */
    connections?: Connection[],
  ): Promise<void> {
    const base = `/${issuer.tenant.issuerId}/interaction/${details.uid}`;
    const { passkey, password } = firstFactors(issuer);
    let webauthn;
    if (passkey) {
      webauthn = { authentication: await this.webauthn.authenticationOptions() };
      await this.progress.putChallenge(issuer.tenant.issuerId, details.uid, webauthn.authentication.challenge);
    }
    connections ??= await this.federation.list(issuer.tenant.issuerId);
    res.status(status);
    const page = loginPage(issuer.branding, {
      action: `${base}/login`,
      abort: `${base}/abort`,
      csrf: this.csrf.issue(req, res),
      client: await this.client(issuer, details),
      username,
      error,
      password,
      passkey: passkey ? `${base}/passkey` : undefined,
      webauthn,
      federate: connections.length ? `${base}/federate` : undefined,
      connections: connections.map(({ name, displayName }) => ({ name, displayName })),
      homeRealm: connections.some((connection) => connection.emailDomains.length > 0),
    });
    this.steps.html(res, page, passkey);
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
      this.html(res, expiredPage(issuer.branding));
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
