import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { ApiInvalid, ApiJsonBodyErrors, ApiTenantScopedKeyForbidden, ApiTooManyRequests } from '../common/errors/admin-error-responses.js';
import { CheckRateLimitGuard } from './check-rate-limit.guard.js';
import { DiscoverProviderRequestDto } from './dto/discover-provider-request.dto.js';
import { DiscoverProviderResponseDto } from './dto/discover-provider-response.dto.js';
import { ProviderCheckService } from './provider-check.service.js';

@ApiTags('providers')
@AdminApi()
@Controller('v1/providers')
export class ProviderCheckController {
  constructor(private readonly providers: ProviderCheckService) {}

  @Post('discover')
  @HttpCode(200)
  @UseGuards(CheckRateLimitGuard)
  @ApiOperation({
    operationId: 'discoverProvider',
    summary: 'Fetch and normalize OpenID Connect discovery metadata from an issuer.',
    description:
      'Performs OpenID Connect Discovery 1.0 (then RFC 8414) against an issuer URL and returns the normalized result ' +
      'alongside reachability checks for the JWKS endpoint, and findings on the metadata and keys. A network call: cache ' +
      'results client-side. Private, loopback and link-local addresses are refused (a finding, no connection) unless ' +
      'PROVIDER_DISCOVERY_ALLOW_PRIVATE=true; at most 3 redirects; time and size are bounded.',
  })
  @ApiResponse({ status: 200, type: DiscoverProviderResponseDto, description: 'The check ran; problems are in `findings`.' })
  @ApiInvalid('issuer', 'is required', '`issuer` missing, not an absolute https URL, or an unknown field; each named in `details`.')
  @ApiJsonBodyErrors()
  @ApiTenantScopedKeyForbidden()
  @ApiTooManyRequests('Too many checks with this admin key, or too many wrong admin keys from this client address; see Retry-After.')
  discoverProvider(@Body() dto: DiscoverProviderRequestDto): Promise<DiscoverProviderResponseDto> {
    return this.providers.discover(dto.issuer);
  }
}
