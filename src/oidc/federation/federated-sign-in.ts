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
import { SignInProgressStore } from '../sign-in/sign-in-progress.js';
import { textOf } from '../../common/validation/text.js';
import { emailDomain } from './claim-mapping.js';
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

export type FederationResult = { ok: true; user: User; connection: Connection; level: number } | FederationFailure;

const safeEqual = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

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
  ) {
    this.publicUrl = config.publicUrl;
  }

  /** The URI an upstream sends its answer to: one per connection, which the admin registers there. */
  redirectUri(issuerId: string, name: string): string {
    return `${this.publicUrl}/${issuerId}/federation/${name}/callback`;
  }

  list(issuerId: string): Promise<Connection[]> {
    return this.connections.list(issuerId);
  }

  /** The connection that serves the domain of an email-like `name`, if any (home-realm discovery). */
  async forEmail(issuerId: string, name: string): Promise<Connection | null> {
    const domain = emailDomain(name);
    return domain ? this.connections.forDomain(issuerId, domain) : null;
  }

  /** The connection an `idp_hint` names, if any. */
  forHint(issuerId: string, hint: string): Promise<Connection | null> {
    return /^[a-z0-9][a-z0-9-]{0,62}$/.test(hint) ? this.connections.findByName(issuerId, hint) : Promise.resolve(null);
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
    await this.progress.save(issuerId, details.uid, { amr: [], federation: { connectionId: connection.connectionId, state, nonce, codeVerifier } });
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
    // A fresh sign-in asked of Portcullis is asked of the upstream too.
    if (textOf(details.params.prompt).split(' ').includes('login')) parameters.prompt = 'login';
    const maxAge = textOf(details.params.max_age);
    if (/^\d{1,10}$/.test(maxAge)) parameters.max_age = maxAge;
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
    const error = query.get('error');
    if (error !== null) {
      const said = KNOWN_ERRORS.has(error) ? error.replace(/_/g, ' ') : 'refused';
      return { ok: false, message: `Signing in with ${name} did not complete (${said}).`, status: 400 };
    }
    let claims: Record<string, unknown> & { sub: string };
    try {
      const configuration = await this.upstreams.configuration(connection);
      const current = new URL(this.redirectUri(issuerId, connection.name));
      current.search = query.toString();
      const tokens = await oidc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: federation.codeVerifier,
        expectedState: federation.state,
        expectedNonce: federation.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      claims = { ...idToken };
      if (configuration.serverMetadata().userinfo_endpoint) {
        // The ID token's `sub` must be the userinfo's (openid-client checks it); ID token claims win.
        claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
      }
    } catch (caught) {
      const unreachable = caught instanceof UpstreamUnavailable;
      // For the operator: which connection and what openid-client said (never a token or a secret: it names checks, not values).
      this.logger.warn(
        { issuer_id: issuerId, connection_id: connection.connectionId, reason: caught instanceof Error ? caught.message : String(caught) },
        'upstream sign-in failed',
      );
      return {
        ok: false,
        message: unreachable ? `${name} cannot be reached right now. Try again later.` : `${name} sent an answer Portcullis could not accept. Start again.`,
        status: 502,
      };
    }
    const { user } = await this.accounts.signIn(issuer.tenant.signInPolicy, connection, claims, ip);
    const level = Math.max(0, acrLevel(connection.acrMapping[String(claims.acr)]));
    return { ok: true, user, connection, level };
  }
}
