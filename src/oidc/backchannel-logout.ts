import { Injectable, Logger } from '@nestjs/common';
import { logUndelivered } from './hooks/backchannel-delivery.js';
import { sendBackchannelLogout } from './oidc-provider-internals.js';
import { ProviderRegistry } from './provider-registry.js';

/** What of an ended session back-channel logout needs: who was signed in, and the `sid` each client knew it by. */
export interface EndedSession {
  accountId: string;
  /** By client id, as oidc-provider stores a session's `authorizations`. */
  authorizations: Record<string, { sid?: string }>;
}

/**
 * Back-channel logout (OpenID Connect Back-Channel Logout 1.0) for sessions ended outside
 * oidc-provider's end_session endpoint, which sends its own: an admin ending a session. Each
 * client of the session with a backchannel_logout_uri gets a logout token from the issuer's
 * provider, through the same guarded `fetch` (hooks/client-fetch) and bounded by the same
 * 2.5 s as end_session's; a failure is logged and the others go on.
 */
@Injectable()
export class BackchannelLogout {
  private readonly logger = new Logger('BackchannelLogout');

  constructor(private readonly registry: ProviderRegistry) {}

  /** Resolves once every delivery succeeded or failed; never rejects. A disabled issuer sends nothing (its tokens are refused anyway). */
  async sessionEnded(issuerId: string, session: EndedSession): Promise<void> {
    const issuer = await this.registry.get(issuerId);
    if (!issuer) return;
    await Promise.all(
      Object.entries(session.authorizations).map(async ([clientId, { sid }]) => {
        try {
          const client = await issuer.provider.Client.find(clientId);
          if (client?.backchannelLogoutUri) await sendBackchannelLogout(client, session.accountId, sid);
        } catch (error) {
          logUndelivered(this.logger, issuerId, clientId, error);
        }
      }),
    );
  }
}
