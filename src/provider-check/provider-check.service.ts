import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailed } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { schemeProblem } from '../common/outbound/address-policy.js';
import { boundedFetch, type FetchFailure, type FetchLimits } from './bounded-fetch.js';
import { CheckNetwork } from './check-network.js';
import { metadataLocations } from './discovery-urls.js';
import type { DiscoverProviderResponseDto } from './dto/discover-provider-response.dto.js';
import { error, statusOf, warning, type Finding } from './findings.js';
import { checkJwks } from './jwks-checks.js';
import { checkMetadata, normalizeMetadata, usableDocument } from './metadata-checks.js';

type Reachability = DiscoverProviderResponseDto['jwks_reachability'];

/**
 * Failures worth a second metadata location on the same host. A refused address or scheme,
 * a timeout or a connection failure would only repeat (or probe a host that already tried to
 * send the check somewhere forbidden).
 */
const triesNextLocation = new Set<FetchFailure['code']>(['HTTP_ERROR', 'UNEXPECTED_CONTENT_TYPE', 'INVALID_JSON', 'RESPONSE_TOO_LARGE', 'TOO_MANY_REDIRECTS']);

/** A fetch failure as a finding of its own code, so a client can act on the cause. */
const causeOf = (failure: FetchFailure): Finding => error(failure.code, `${failure.reason}.`);

/**
 * `POST /v1/providers/discover` (seed 002): fetch an issuer's metadata and JWKS under the
 * SSRF policy of `boundedFetch`, judge them, and return the normalized view with findings.
 * Nothing is stored.
 */
@Injectable()
export class ProviderCheckService {
  private readonly limits: FetchLimits;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly network: CheckNetwork,
  ) {
    this.limits = config.providerDiscovery;
  }

  async discover(issuer: string): Promise<DiscoverProviderResponseDto> {
    const scheme = schemeProblem(new URL(issuer), this.limits.allowPrivate);
    if (scheme)
      throw new ValidationFailed([{ field: 'issuer', message: `${scheme} (http only for a loopback issuer, and only when private addresses are allowed)` }]);

    const findings: Finding[] = [];
    const doc = await this.fetchMetadata(issuer, findings);
    if (!doc) return this.result(null, 'unreachable', findings);
    const discovery = normalizeMetadata(doc);
    findings.push(...checkMetadata(doc, issuer, this.limits.allowPrivate));
    const reachability = await this.checkJwks(discovery.jwks_uri, discovery.supported_algs, findings);
    return this.result(discovery, reachability, findings);
  }

  /** The first usable metadata document: OIDC Discovery first, then RFC 8414. */
  private async fetchMetadata(issuer: string, findings: Finding[]) {
    const failures: FetchFailure[] = [];
    const reasons: string[] = [];
    const tried: string[] = [];
    for (const location of metadataLocations(issuer)) {
      tried.push(location);
      const fetched = await boundedFetch(this.network, location, 'GET', this.limits);
      if (fetched.ok && usableDocument(fetched.json)) {
        if (reasons.length > 0) {
          findings.push(warning('OPENID_CONFIGURATION_MISSING', `No OpenID configuration (${reasons.join('; ')}); RFC 8414 metadata found at ${fetched.url}.`));
        }
        return fetched.json;
      }
      if (fetched.ok) {
        reasons.push(`${fetched.url} is JSON but not a metadata object with a string issuer`);
        findings.push(error('INVALID_METADATA', `${fetched.url} is JSON but not a metadata object with a string issuer.`));
        continue;
      }
      failures.push(fetched);
      reasons.push(fetched.reason);
      if (!triesNextLocation.has(fetched.code)) break;
    }
    // The causes follow as findings of their own; this one says what they amount to.
    findings.unshift(error('DISCOVERY_FAILED', `No usable metadata for ${issuer} at ${tried.join(' or ')}.`));
    findings.push(...failures.map(causeOf));
    return null;
  }

  /**
   * Seed 002's reachability comes from a HEAD request; servers that refuse HEAD (405, 501)
   * get a GET instead. A reachable JWKS is then read and its keys judged.
   */
  private async checkJwks(jwksUri: string | null, algs: string[], findings: Finding[]): Promise<Reachability> {
    if (jwksUri === null || !URL.canParse(jwksUri)) {
      findings.push(error('JWKS_UNREACHABLE', jwksUri === null ? 'The metadata has no jwks_uri.' : 'jwks_uri is not an absolute URL.'));
      return 'unreachable';
    }
    let head = await boundedFetch(this.network, jwksUri, 'HEAD', this.limits);
    if (!head.ok && (head.status === 405 || head.status === 501)) head = await boundedFetch(this.network, jwksUri, 'GET', this.limits);
    if (!head.ok) {
      findings.push(error('JWKS_UNREACHABLE', `The JWKS at ${jwksUri} did not respond with 2xx.`), causeOf(head));
      return head.code === 'TIMEOUT' ? 'timeout' : 'unreachable';
    }
    const jwks = await boundedFetch(this.network, jwksUri, 'GET', this.limits);
    if (!jwks.ok) findings.push(error('JWKS_INVALID', `The JWKS at ${jwksUri} could not be read.`), causeOf(jwks));
    else findings.push(...checkJwks(jwks.json, algs));
    return 'reachable';
  }

  private result(discovery: DiscoverProviderResponseDto['discovery'], reachability: Reachability, findings: Finding[]): DiscoverProviderResponseDto {
    return { discovery, jwks_reachability: reachability, findings, status: statusOf(discovery !== null, findings) };
  }
}
