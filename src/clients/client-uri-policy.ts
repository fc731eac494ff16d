import { Inject, Injectable } from '@nestjs/common';
import type { FieldProblem } from '../common/errors/app-error.js';
import { ValidationFailed } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { bareHostname } from '../common/outbound/address-policy.js';
import { AddressRefused, resolveAllowed } from '../common/outbound/allowed-addresses.js';
import type { ClientMetadata } from '../stores/clients/client.js';

/** How long resolving a jwks_uri's host may take at registration, in milliseconds. */
const RESOLVE_TIMEOUT_MS = 3000;

/** The redirect URI members, each checked member by member. */
const REDIRECT_MEMBERS = ['redirect_uris', 'post_logout_redirect_uris'] as const;

/**
 * Portcullis's rules for the URIs a client registers, on top of oidc-provider's own (which
 * the ClientMetadataValidator applies):
 * - no redirect URI (nor post-logout redirect URI) has surrounding whitespace or a user name
 *   or password (`https://user@host/`): both are refused in every mode, since the stored
 *   string is compared exactly and userinfo in a URL only serves to mislead;
 * - in production a web client (application_type `web`, the default) registers only https
 *   URIs; native clients keep RFC 8252's loopback http and private-use schemes;
 * - a `jwks_uri`, which the issuer fetches on the client's behalf, may not point at a
 *   loopback, private, link-local or IPv4-embedding address unless CLIENT_URIS_ALLOW_PRIVATE:
 *   a literal address or `localhost` is judged as written, a host name by what it resolves
 *   to now (a name that does not resolve is refused too). The fetch itself is judged again
 *   (oidc/hooks/client-fetch), so a later DNS change gains nothing.
 */
@Injectable()
export class ClientUriPolicy {
  private readonly production: boolean;
  private readonly allowPrivate: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.production = config.nodeEnv === 'production';
    this.allowPrivate = config.clientUrisAllowPrivate;
  }

  /** Throws `ValidationFailed` naming each offending URI. */
  async check(metadata: ClientMetadata): Promise<void> {
    const problems = [...this.redirectProblems(metadata), ...(await this.jwksUriProblems(metadata.jwks_uri))];
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  private redirectProblems(metadata: ClientMetadata): FieldProblem[] {
    const web = (metadata.application_type ?? 'web') === 'web';
    return REDIRECT_MEMBERS.flatMap((member) =>
      ((metadata[member] as unknown[] | undefined) ?? []).flatMap((uri, index): FieldProblem[] => {
        const field = `${member}[${index}]`;
        if (typeof uri !== 'string') return [];
        if (uri !== uri.trim()) return [{ field, message: 'must not begin or end with whitespace' }];
        const parsed = URL.parse(uri);
        if (!parsed) return [];
        if (parsed.username || parsed.password || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(uri)) {
          return [{ field, message: 'must not carry a user name or password' }];
        }
        if (this.production && web && parsed.protocol !== 'https:') {
          return [{ field, message: 'must use https for a web client (native clients may use loopback http or a private-use scheme, RFC 8252)' }];
        }
        return [];
      }),
    );
  }

  private async jwksUriProblems(jwksUri: unknown): Promise<FieldProblem[]> {
    if (typeof jwksUri !== 'string') return [];
    const parsed = URL.parse(jwksUri);
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return [];
    try {
      await resolveAllowed(bareHostname(parsed), this.allowPrivate, RESOLVE_TIMEOUT_MS);
      return [];
    } catch (error) {
      if (!(error instanceof AddressRefused)) throw error;
      return [
        { field: 'jwks_uri', message: `must be on a public address: ${error.message} (CLIENT_URIS_ALLOW_PRIVATE allows loopback and private addresses)` },
      ];
    }
  }
}
