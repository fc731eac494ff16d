import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { FINDING_CODES, type CheckStatus, type FindingCode, type Severity } from '../findings.js';

@ApiSchema({ name: 'ProviderDiscovery', description: 'The issuer metadata, normalized.' })
export class ProviderDiscoveryDto {
  @ApiProperty({ description: 'Canonical issuer URL as advertised in the metadata document.', example: 'https://acme.auth0.com/' })
  issuer: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'JWKS endpoint URL. null if absent from metadata.',
    example: 'https://acme.auth0.com/.well-known/jwks.json',
  })
  jwks_uri: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'OAuth authorize endpoint, when present.', example: 'https://acme.auth0.com/authorize' })
  authorization_endpoint: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Token exchange endpoint, when present.', example: 'https://acme.auth0.com/oauth/token' })
  token_endpoint: string | null;

  @ApiProperty({ type: [String], description: 'Algorithms advertised in id_token_signing_alg_values_supported.', example: ['RS256'] })
  supported_algs: string[];
}

@ApiSchema({ name: 'DiscoveryFinding', description: 'One problem found, with a stable code a client can act on.' })
export class DiscoveryFindingDto {
  @ApiProperty({
    enum: FINDING_CODES,
    description:
      'DISCOVERY_FAILED, JWKS_UNREACHABLE and INVALID_METADATA as seed 002 defines them; the others name a cause: ' +
      'a refused address or scheme, a redirect, time, size, content-type or JSON limit, an issuer mismatch, an endpoint ' +
      'that is not https, or a JWKS problem (invalid set or key, private members, weak key, no signing key, an advertised ' +
      'algorithm without a key).',
    example: 'JWKS_UNREACHABLE',
  })
  code: FindingCode;

  @ApiProperty({ enum: ['error', 'warning'], description: '`error` lowers the status; `warning` does not.', example: 'error' })
  severity: Severity;

  @ApiProperty({
    description: 'What was found, naming the URL or member concerned.',
    example: 'https://acme.auth0.com/.well-known/jwks.json answered HTTP 404',
  })
  message: string;
}

@ApiSchema({ name: 'DiscoverProviderResponse' })
export class DiscoverProviderResponseDto {
  @ApiProperty({ type: ProviderDiscoveryDto, nullable: true, description: 'Normalized metadata. null when discovery itself failed.' })
  discovery: ProviderDiscoveryDto | null;

  @ApiProperty({
    enum: ['reachable', 'unreachable', 'timeout'],
    description: 'Result of the JWKS HEAD request (a GET when the server refuses HEAD with 405 or 501). `unreachable` when there is no jwks_uri to try.',
    example: 'reachable',
  })
  jwks_reachability: 'reachable' | 'unreachable' | 'timeout';

  @ApiProperty({ type: [DiscoveryFindingDto], description: 'Discovery-time issues. Empty on a clean discovery + reachable JWKS.', example: [] })
  findings: DiscoveryFindingDto[];

  @ApiProperty({
    enum: ['ok', 'partial', 'failed'],
    description:
      '"ok": discovery + JWKS reachable, no error finding. "partial": discovery succeeded but the JWKS is unreachable or ' +
      'another error was found. "failed": discovery itself failed (or the document names another issuer and must not be used).',
    example: 'ok',
  })
  status: CheckStatus;
}
