import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsDefined, IsString, IsUrl, MaxLength } from 'class-validator';

const urlMessage = 'must be an absolute https URL without credentials, query or fragment';

@ApiSchema({ name: 'DiscoverProviderRequest' })
export class DiscoverProviderRequestDto {
  @ApiProperty({
    description:
      'Issuer URL, compared exactly (a trailing slash is preserved). Metadata is fetched from ' +
      '{issuer}/.well-known/openid-configuration, then from the RFC 8414 path-insertion URL. ' +
      'Must be https; http only for a loopback issuer when PROVIDER_DISCOVERY_ALLOW_PRIVATE=true.',
    example: 'https://acme.auth0.com/',
    format: 'uri',
    maxLength: 2048,
  })
  @IsDefined({ message: '$property is required' })
  @IsString({ message: '$property must be a string' })
  @MaxLength(2048, { message: '$property must be at most 2048 characters long' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, disallow_auth: true, allow_query_components: false, allow_fragments: false },
    { message: `$property ${urlMessage}` },
  )
  issuer: string;
}
