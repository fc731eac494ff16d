import { All, applyDecorators, Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiExtraModels, ApiOperation, ApiParam, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { NOT_FOUND } from '../common/errors/error-body.js';
import { AppError } from '../common/errors/app-error.js';
import { OAuthErrorDto } from '../common/errors/admin-error.dto.js';
import { ISSUER_ID, OIDC_TAG, PUBLIC_ERRORS } from '../oidc-docs/operation-parts.js';
import { IssuerJwksDto } from './dto/issuer-jwks.dto.js';
import { OAuth2MetadataDto, OpenIdConfigurationDto } from './dto/metadata.dto.js';

/** The statuses every public metadata route may answer besides 200: 304, and those of every issuer route. */
const PublicResponses = () =>
  applyDecorators(
    ApiParam({ ...ISSUER_ID, type: String }),
    ApiResponse({ status: 304, description: 'Not modified: the If-None-Match matched the ETag.' }),
    ...Object.entries(PUBLIC_ERRORS).map(([status, response]) => ApiResponse({ ...response, status: Number(status) })),
  );

/** oidc-provider serves a key set as `application/jwk-set+json` (RFC 7517 §8.5.1). */
const JwksResponse = () => ApiResponse({ status: 200, content: { 'application/jwk-set+json': { schema: { $ref: getSchemaPath(IssuerJwksDto) } } } });

const NotAnIssuer = () => new NotFoundException();

/**
 * Documentation of the per-issuer discovery surface. These routes are answered by the issuer
 * gateway (src/oidc/issuer-gateway.ts) before Nest sees them; Nest reaches these handlers only
 * for an issuer that does not exist or is disabled, which is a 404.
 */
@ApiTags(OIDC_TAG)
@ApiExtraModels(OAuthErrorDto, IssuerJwksDto)
@Controller()
export class DiscoveryController {
  @Get(':issuer_id/.well-known/openid-configuration')
  @ApiOperation({ operationId: 'getDiscovery', summary: 'OpenID Connect Discovery 1.0 document of the issuer' })
  @ApiResponse({ status: 200, type: OpenIdConfigurationDto, description: 'Cacheable (Cache-Control, strong ETag).' })
  @PublicResponses()
  openIdConfiguration(): never {
    throw NotAnIssuer();
  }

  @Get('.well-known/openid-configuration/:issuer_id')
  @ApiOperation({ operationId: 'openIdConfigurationInserted', summary: 'The same OpenID Connect document, at the path-insertion URL some relying parties use' })
  @ApiResponse({ status: 200, type: OpenIdConfigurationDto })
  @PublicResponses()
  openIdConfigurationInserted(): never {
    throw NotAnIssuer();
  }

  @Get(':issuer_id/.well-known/oauth-authorization-server')
  @ApiOperation({ operationId: 'authorizationServerMetadata', summary: 'RFC 8414 authorization server metadata of the issuer' })
  @ApiResponse({ status: 200, type: OAuth2MetadataDto })
  @PublicResponses()
  authorizationServerMetadata(): never {
    throw NotAnIssuer();
  }

  @Get('.well-known/oauth-authorization-server/:issuer_id')
  @ApiOperation({ operationId: 'authorizationServerMetadataInserted', summary: 'RFC 8414 §3.1 path-insertion form of the same document' })
  @ApiResponse({ status: 200, type: OAuth2MetadataDto })
  @PublicResponses()
  authorizationServerMetadataInserted(): never {
    throw NotAnIssuer();
  }

  @Get(':issuer_id/jwks.json')
  @ApiOperation({ operationId: 'jwks', summary: "The issuer's public signing keys (the jwks_uri)" })
  @JwksResponse()
  @PublicResponses()
  jwks(): never {
    throw NotAnIssuer();
  }

  @Get(':issuer_id/.well-known/jwks.json')
  @ApiOperation({ operationId: 'getJwks', summary: 'The same key set at the well-known URL' })
  @JwksResponse()
  @PublicResponses()
  wellKnownJwks(): never {
    throw NotAnIssuer();
  }

  /** Any other method on these paths of an unknown issuer: still 404, as the contract has it for every route of one. */
  @All([
    ':issuer_id/.well-known/openid-configuration',
    '.well-known/openid-configuration/:issuer_id',
    ':issuer_id/.well-known/oauth-authorization-server',
    '.well-known/oauth-authorization-server/:issuer_id',
    ':issuer_id/jwks.json',
    ':issuer_id/.well-known/jwks.json',
  ])
  @ApiExcludeEndpoint()
  unknownIssuer(): never {
    throw new AppError(NOT_FOUND.status, NOT_FOUND.error, NOT_FOUND.message);
  }
}
