import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { acrLevel } from '../../common/protocol.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { Connection } from '../../stores/connections/connection.js';
import { ConnectionsStore } from '../../stores/connections/connections.store.js';
import { OidcPayloadsStore } from '../../stores/oidc-payloads/oidc-payloads.store.js';
import type { User } from '../../stores/users/user.js';
import type { LoadedInteraction } from '../oidc-provider-internals.js';
import type { LiveIssuer } from '../provider-registry.js';
import { TTL } from '../provider-options.js';
import { SignInProgressStore, type SignInProgress } from '../sign-in/sign-in-progress.js';
import { AuditTrail } from '../../stores/audit-events/audit-trail.store.js';
import { databaseErrorKind } from '../../database/database-errors.js';
import { textOf } from '../../common/validation/text.js';
import { FederatedAccounts } from './federated-accounts.js';
import { UpstreamClients, UpstreamUnavailable } from './upstream-clients.js';

/** The callback's `state` → the interaction it belongs to; taken at the callback, so a state works once. */
const STATE = 'FederationState';

/** Upstream error codes shown by name (RFC 6749 §4.1.2.1, OIDC Core §3.1.2.6); any other is "refused". */
const KNOWN_ERRORS = new Set(['access_denied', 'login_required', 'interaction_required', 'consent_required', 'temporarily_unavailable', 'server_error']);

/** A federated sign-in that did not complete: what the person is told, and the page's status. */
export interface FederationFailure {
  ok: false;
  message: string;
  status: number;
}

export type FederationResult = { ok: true; user: User; connection: Connection; level: number; authTime?: number } | FederationFailure;

/** Seconds an upstream's clock may be behind Portcullis's when its `auth_time` is judged. */
const CLOCK_SKEW_SECONDS = 60;
/** OIDC Core §2: a `sub` is at most 255 ASCII characters. */
const MAX_SUBJECT_LENGTH = 255;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Constant-time equality of two strings' UTF-8 bytes (a length in characters says nothing of the bytes). */
function safeEqual(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Sign-in at a tenant's upstream OpenID Provider (a connection), as its relying party through
 * openid-client: the authorization request carries PKCE (S256), `state` and `nonce`, all three
 * kept in the interaction's progress (the verifier sealed); the callback is found by its `state`,
 * which names the interaction, and completes only in the browser holding that interaction, for
 * the connection the state was made for. openid-client checks the response's `iss` (RFC 9207),
 * the ID token (signature by the upstream's JWKS, `iss`, `aud`, `nonce`, expiry) and PKCE.
 * Upstream tokens are used once, for the claims, and never stored.
 */
@Injectable()
export class FederatedSignIn {
  private readonly logger = new Logger('FederatedSignIn');
  private readonly publicUrl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly connections: ConnectionsStore,
    private readonly upstreams: UpstreamClients,
    private readonly accounts: FederatedAccounts,
    private readonly progress: SignInProgressStore,
    private readonly payloads: OidcPayloadsStore,
    private readonly audit: AuditTrail,
  ) {
    this.publicUrl = config.publicUrl;
  }

  /** The URI an upstream sends its answer to: one per connection, which the admin registers there. */
  redirectUri(issuerId: string, name: string): string {
    return `${this.publicUrl}/${issuerId}/federation/${name}/callback`;
  }

  /** The tenant's connections, which its sign-in page offers and routes by (see routing.ts). */
  list(issuerId: string): Promise<Connection[]> {
    return this.connections.list(issuerId);
  }

  /**
   * The upstream authorization URL that starts a sign-in at `connection` for this interaction;
   * a new start replaces an earlier one (its state no longer completes). Throws UpstreamUnavailable.
   */
  async start(issuer: LiveIssuer, details: LoadedInteraction, connection: Connection, loginHint?: string): Promise<string> {
    const issuerId = issuer.tenant.issuerId;
    const configuration = await this.upstreams.configuration(connection);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    // A fresh sign-in asked of Portcullis is asked of the upstream too, and checked in its answer.
    const fresh = textOf(details.params.prompt).split(' ').includes('login');
    const maxAge = /^\d{1,10}$/.test(textOf(details.params.max_age)) ? Number(details.params.max_age) : undefined;
    const federation = { connectionId: connection.connectionId, state, nonce, codeVerifier, startedAt: Math.floor(Date.now() / 1000), fresh, maxAge };
    await this.progress.save(issuerId, details.uid, { amr: [], federation });
    await this.payloads.upsert(issuerId, STATE, state, { uid: details.uid, connectionId: connection.connectionId }, TTL.Interaction);
    const parameters: Record<string, string> = {
      redirect_uri: this.redirectUri(issuerId, connection.name),
      scope: connection.scopes.join(' '),
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    };
    if (loginHint) parameters.login_hint = loginHint;
    if (fresh) parameters.prompt = 'login';
    if (maxAge !== undefined) parameters.max_age = String(maxAge);
    return oidc.buildAuthorizationUrl(configuration, parameters).href;
  }

  /** The interaction a callback's `state` was made for (and its connection's name must be the callback's), taken: a state is good once. */
  async interactionOf(issuerId: string, name: string, state: string): Promise<string | undefined> {
    if (!state || state.length > 512) return undefined;
    const stored = await this.payloads.find(issuerId, STATE, state);
    if (typeof stored?.uid !== 'string' || !(await this.payloads.take(issuerId, STATE, state))) return undefined;
    const connection = await this.connections.find(issuerId, String(stored.connectionId));
    return connection?.name === name ? stored.uid : undefined;
  }

  /**
   * Completes the upstream sign-in whose answer is `query`, in interaction `details`: the state
   * must be the one this interaction sent, then the code is redeemed and the ID token checked,
   * the claims read (userinfo as well, where the upstream has one), and the account found or made.
   */
  async complete(issuer: LiveIssuer, details: LoadedInteraction, query: URLSearchParams, ip: string): Promise<FederationResult> {
    const issuerId = issuer.tenant.issuerId;
    const progress = await this.progress.get(issuerId, details.uid);
    const federation = progress.federation;
    const state = query.get('state') ?? '';
    const expired = { ok: false, message: 'This sign-in was already used or has expired. Start again.', status: 400 } as const;
    if (!federation || !safeEqual(state, federation.state)) return expired;
    // Whatever happens next, this state is spent.
    await this.progress.save(issuerId, details.uid, { amr: [] });
    const connection = await this.connections.find(issuerId, federation.connectionId);
    if (!connection) return expired;
    const name = connection.displayName;
    const failed = async (reason: string, message: string, status: number): Promise<FederationFailure> => {
      await this.audit.record(
        // No user is known yet: the actor is the connection's sign-in, never a user id.
        { type: 'end_user', id: `connection:${connection.name}`, name: null, ip },
        {
          action: 'login.failed',
          issuerId,
          resourceType: 'connection',
          resourceId: connection.connectionId,
          after: { connection_id: connection.connectionId, reason },
        },
      );
      return { ok: false, message, status };
    };
    const error = query.get('error');
    if (error !== null) {
      const said = KNOWN_ERRORS.has(error) ? error : 'refused';
      return failed(`upstream_${said}`, `Signing in with ${name} did not complete (${said.replace(/_/g, ' ')}).`, 400);
    }
    let claims: Record<string, unknown> & { sub: string };
    let idToken: oidc.IDToken;
    try {
      ({ claims, idToken } = await this.redeem(connection, federation, query));
    } catch (caught) {
      const unreachable = caught instanceof UpstreamUnavailable;
      // For the operator: which connection and what failed (openid-client names the check, never a token or the secret).
      const reason = caught instanceof Error ? caught.message : String(caught);
      this.logger.warn({ issuer_id: issuerId, connection_id: connection.connectionId, reason }, 'upstream sign-in failed');
      return unreachable
        ? failed('upstream_unreachable', `${name} cannot be reached right now. Try again later.`, 502)
        : failed('upstream_answer_refused', `${name} sent an answer Portcullis could not accept. Start again.`, 502);
    }
    const account = await this.accounts.signIn(issuer.tenant.signInPolicy, connection, claims, ip).catch((caught: unknown) => {
      // A JIT username some local user already holds, twice over: nothing the person can fix by retrying at once.
      if (databaseErrorKind(caught) === 'unique_violation') return undefined;
      throw caught;
    });
    if (!account) return failed('account_conflict', `Signing in with ${name} could not be completed. Ask your administrator.`, 409);
    if (!account.ok) return failed('exclusive_domain', `Sign in with ${account.onlyWayIn.displayName}.`, 403);
    // What the sign-in proved comes from the ID token alone (signed, and held to max_age): never from userinfo.
    const level = Math.max(0, acrLevel(typeof idToken.acr === 'string' ? connection.acrMapping[idToken.acr] : undefined));
    return { ok: true, user: account.user, connection, level, authTime: Number.isSafeInteger(idToken.auth_time) ? idToken.auth_time : undefined };
  }

  /**
   * Redeems the code (openid-client: `iss` of the response, PKCE, the ID token's signature, `iss`,
   * `aud`, `nonce`, expiry, and `auth_time` against `max_age`) and reads the claims: the ID
   * token's, over userinfo's where the upstream has one (same `sub`, which openid-client checks).
   * A sign-in that had to be fresh (`prompt=login`) must have authenticated after it started.
   */
  private async redeem(connection: Connection, federation: NonNullable<SignInProgress['federation']>, query: URLSearchParams) {
    const configuration = await this.upstreams.configuration(connection);
    const current = new URL(this.redirectUri(connection.tenantId, connection.name));
    current.search = query.toString();
    const tokens = await oidc.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: federation.codeVerifier,
      expectedState: federation.state,
      expectedNonce: federation.nonce,
      idTokenExpected: true,
      ...(federation.maxAge !== undefined ? { maxAge: federation.maxAge } : {}),
    });
    const idToken = tokens.claims()!;
    if (federation.fresh && !(typeof idToken.auth_time === 'number' && idToken.auth_time >= federation.startedAt - CLOCK_SKEW_SECONDS)) {
      throw new Error('prompt=login was asked, and the ID token has no auth_time since the sign-in started');
    }
    if (typeof idToken.sub !== 'string' || idToken.sub.length > MAX_SUBJECT_LENGTH || CONTROL.test(idToken.sub)) {
      throw new Error('the ID token has a sub Portcullis does not keep (too long, or control characters)');
    }
    if (!configuration.serverMetadata().userinfo_endpoint) return { claims: { ...idToken }, idToken };
    return { claims: { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken }, idToken };
  }
}
