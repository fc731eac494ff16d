import { Inject, Injectable } from '@nestjs/common';
import type { FieldProblem } from '../common/errors/app-error.js';
import { ValidationFailed } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { bareHostname } from '../common/outbound/address-policy.js';
import { AddressRefused, resolveAllowed } from '../common/outbound/allowed-addresses.js';
import type { ClientMetadata } from '../stores/clients/client.js';

/** How long resolving the host of a URL the issuer will reach (jwks_uri, backchannel_logout_uri) may take at registration, in milliseconds. */
const RESOLVE_TIMEOUT_MS = 3000;

/** The redirect URI members, each checked member by member. */
const REDIRECT_MEMBERS = ['redirect_uris', 'post_logout_redirect_uris'] as const;

/** The URLs the issuer itself connects to: it fetches the JWKS, and POSTs logout tokens to the back-channel logout URI. */
const REACHED_MEMBERS = ['jwks_uri', 'backchannel_logout_uri'] as const;

/**
 * Portcullis's rules for the URIs a client registers, on top of oidc-provider's own (which
 * the ClientMetadataValidator applies):
 * - no redirect URI (nor post-logout redirect URI, nor back-channel logout URI) has
 *   surrounding whitespace or a user name or password (`https://user@host/`): both are
 *   refused in every mode, since the stored string is compared exactly and userinfo in a URL
 *   only serves to mislead;
 * - in production a web client (application_type `web`, the default) registers only https
 *   redirect URIs; native clients keep RFC 8252's loopback http and private-use schemes;
 * - a `backchannel_logout_uri` has no fragment (Back-Channel Logout 1.0 §2.2), and in
 *   production is https whatever the application type: the issuer posts a logout token to it,
 *   server to server;
 * - a `jwks_uri` or `backchannel_logout_uri`, which the issuer reaches on the client's behalf,
 *   may not point at a loopback, private, link-local or IPv4-embedding address unless
 *   CLIENT_URIS_ALLOW_PRIVATE: a literal address or `localhost` is judged as written, a host
 *   name by what it resolves to now (a name that does not resolve is refused too). Each
 *   request is judged again (oidc/hooks/client-fetch), so a later DNS change gains nothing.
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
    const problems = [...this.redirectProblems(metadata), ...this.backchannelLogoutUriProblems(metadata.backchannel_logout_uri)];
    for (const member of REACHED_MEMBERS) {
      // A URL already refused for its form is not resolved too: one problem per field.
      if (!problems.some((problem) => problem.field === member)) problems.push(...(await this.addressProblems(member, metadata[member])));
    }
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  private redirectProblems(metadata: ClientMetadata): FieldProblem[] {
    const web = (metadata.application_type ?? 'web') === 'web';
    return REDIRECT_MEMBERS.flatMap((member) =>
      ((metadata[member] as unknown[] | undefined) ?? []).flatMap((uri, index): FieldProblem[] => {
        const field = `${member}[${index}]`;
        if (typeof uri !== 'string') return [];
        const problem = formProblem(uri);
        if (problem) return [{ field, message: problem }];
        const parsed = URL.parse(uri);
        if (parsed && this.production && web && parsed.protocol !== 'https:') {
          return [{ field, message: 'must use https for a web client (native clients may use loopback http or a private-use scheme, RFC 8252)' }];
        }
        return [];
      }),
    );
  }

  private backchannelLogoutUriProblems(uri: unknown): FieldProblem[] {
    if (typeof uri !== 'string') return [];
    const field = 'backchannel_logout_uri';
    const problem = formProblem(uri);
    if (problem) return [{ field, message: problem }];
    const parsed = URL.parse(uri);
    if (!parsed) return [];
    if (uri.includes('#')) return [{ field, message: 'must not have a fragment (OpenID Connect Back-Channel Logout 1.0 §2.2)' }];
    if (this.production && parsed.protocol !== 'https:') return [{ field, message: 'must use https' }];
    return [];
  }

  private async addressProblems(field: string, uri: unknown): Promise<FieldProblem[]> {
    if (typeof uri !== 'string') return [];
    const parsed = URL.parse(uri);
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return [];
    try {
      await resolveAllowed(bareHostname(parsed), this.allowPrivate, RESOLVE_TIMEOUT_MS);
      return [];
    } catch (error) {
      if (!(error instanceof AddressRefused)) throw error;
      return [{ field, message: `must be on a public address: ${error.message} (CLIENT_URIS_ALLOW_PRIVATE allows loopback and private addresses)` }];
    }
  }
}

/**
 * What is wrong with the form of a URI the client registers, in every mode: surrounding
 * whitespace, or a user name or password (also an empty one, `https://@host/`).
 */
function formProblem(uri: string): string | undefined {
  if (uri !== uri.trim()) return 'must not begin or end with whitespace';
  const parsed = URL.parse(uri);
  if (parsed && (parsed.username || parsed.password || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(uri))) return 'must not carry a user name or password';
  return undefined;
}
