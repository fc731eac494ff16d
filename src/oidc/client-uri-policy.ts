import { Inject, Injectable } from '@nestjs/common';
import ipaddr from 'ipaddr.js';
import type { FieldProblem } from '../common/errors/app-error.js';
import { ValidationFailed } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { bareHostname, isAddressAllowed, isLoopbackHost } from '../common/outbound/address-policy.js';
import { AddressRefused, resolveAllowed } from '../common/outbound/allowed-addresses.js';
import type { ClientMetadata } from '../stores/clients/client.js';

/** How long resolving the host of a URL the issuer will reach (jwks_uri, backchannel_logout_uri, …) may take at registration, in milliseconds. */
const RESOLVE_TIMEOUT_MS = 3000;

/** The redirect URI members, each checked member by member. */
const REDIRECT_MEMBERS = ['redirect_uris', 'post_logout_redirect_uris'] as const;

/**
 * The URLs the issuer itself connects to: it fetches the JWKS and the sector identifier
 * document (and would fetch request objects by reference), and POSTs logout tokens to the
 * back-channel logout URI. Judged by what their host resolves to.
 */
const REACHED_MEMBERS = ['jwks_uri', 'backchannel_logout_uri', 'sector_identifier_uri', 'request_uris'] as const;

/** URLs the issuer shows a person or sends a browser to: judged as written (the browser resolves names in its own network). */
const SHOWN_MEMBERS = ['logo_uri', 'policy_uri', 'tos_uri', 'client_uri', 'initiate_login_uri'] as const;

const ALLOWANCE = '(CLIENT_URIS_ALLOW_PRIVATE allows loopback and private addresses)';

/** Each http(s) URL of a member (a string or an array of them), with the field that names it. */
function urlsOf(metadata: ClientMetadata, member: string): { field: string; url: URL }[] {
  const value = metadata[member];
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [`${member}[${index}]`, item]) : [[member, value]];
  return entries.flatMap(([field, item]) => {
    const url = typeof item === 'string' ? URL.parse(item) : null;
    return url && (url.protocol === 'https:' || url.protocol === 'http:') ? [{ field, url }] : [];
  });
}

/**
 * Portcullis's rules for the URIs a client registers, on top of oidc-provider's own (which
 * the ClientMetadataValidator and the registration endpoint apply), for clients made through
 * the admin API and for clients that register themselves alike:
 * - no redirect URI (nor post-logout redirect URI, nor back-channel logout URI) has
 *   surrounding whitespace or a user name or password (`https://user@host/`): both are
 *   refused in every mode, since the stored string is compared exactly and userinfo in a URL
 *   only serves to mislead;
 * - in production a web client (application_type `web`, the default) registers only https
 *   redirect URIs; native clients keep RFC 8252's loopback http and private-use schemes;
 * - a `backchannel_logout_uri` has no fragment (Back-Channel Logout 1.0 §2.2), and in
 *   production is https whatever the application type: the issuer posts a logout token to it,
 *   server to server;
 * - a URL the issuer reaches on the client's behalf (`jwks_uri`, `backchannel_logout_uri`,
 *   `sector_identifier_uri`, `request_uris`) may not point at a loopback, private, link-local
 *   or IPv4-embedding address unless CLIENT_URIS_ALLOW_PRIVATE: a literal address or
 *   `localhost` is judged as written, a host name by what it resolves to now (a name that
 *   does not resolve is refused too). Each request is judged again (oidc/hooks/client-fetch),
 *   so a later DNS change gains nothing;
 * - a URL shown to the user or opened by their browser (`logo_uri`, `policy_uri`, `tos_uri`,
 *   `client_uri`, `initiate_login_uri`) may not name a loopback, private or link-local address
 *   or `localhost` literally, unless CLIENT_URIS_ALLOW_PRIVATE: a page of the issuer must not
 *   point a person's browser into their own network. Host names are not resolved: the browser
 *   resolves them where it is, not where the issuer runs.
 * Redirect URIs keep the form rules only: a client's own endpoints are where it says they are
 * (RFC 8252 puts a native app's on loopback), and a redirect goes nowhere the client could not
 * send the browser itself.
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
    const problems = await this.problems(metadata);
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  /** Each offending URI, with the field that holds it. */
  async problems(metadata: ClientMetadata): Promise<FieldProblem[]> {
    const problems = [...this.redirectProblems(metadata), ...this.backchannelLogoutUriProblems(metadata.backchannel_logout_uri)];
    // A URL already refused for its form is not resolved too: one problem per field.
    const reached = REACHED_MEMBERS.flatMap((member) => urlsOf(metadata, member)).filter(({ field }) => !problems.some((problem) => problem.field === field));
    problems.push(...(await Promise.all(reached.map(({ field, url }) => this.addressProblems(field, url)))).flat());
    problems.push(...SHOWN_MEMBERS.flatMap((member) => urlsOf(metadata, member)).flatMap(({ field, url }) => this.shownProblems(field, url)));
    return problems;
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

  private async addressProblems(field: string, url: URL): Promise<FieldProblem[]> {
    try {
      await resolveAllowed(bareHostname(url), this.allowPrivate, RESOLVE_TIMEOUT_MS);
      return [];
    } catch (error) {
      if (!(error instanceof AddressRefused)) throw error;
      return [{ field, message: `must be on a public address: ${error.message} ${ALLOWANCE}` }];
    }
  }

  private shownProblems(field: string, url: URL): FieldProblem[] {
    const host = bareHostname(url);
    const literal = ipaddr.isValid(host);
    if (!literal && !isLoopbackHost(url)) return [];
    if (literal && isAddressAllowed(host, this.allowPrivate)) return [];
    if (!literal && this.allowPrivate) return [];
    return [{ field, message: `must not point at a loopback, private or link-local address: ${host} ${ALLOWANCE}` }];
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
