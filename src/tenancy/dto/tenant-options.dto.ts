import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import type { RegistrationPolicy } from '../../stores/tenants/tenant.js';
import { OptionalNotNull } from '../../common/validation/decorators.js';
import { SignInPolicyDto } from './sign-in-policy.dto.js';
import {
  AccessTokenTtlField,
  BrandColorField,
  GrantTypesField,
  IdTokenTtlField,
  KeyRotationDaysField,
  LogoUrlField,
  RefreshTokenTtlField,
  RegistrationField,
  RequirePkceForAllClientsField,
} from './tenant-options.js';

/** The options a tenant is created with and may change later: keys, token lifetimes, grants, branding, PKCE, client registration, sign-in policy. */
export class TenantOptionsDto {
  @KeyRotationDaysField()
  key_rotation_days?: number;

  @AccessTokenTtlField()
  access_token_ttl?: number;

  @IdTokenTtlField()
  id_token_ttl?: number;

  @RefreshTokenTtlField()
  refresh_token_ttl?: number;

  @GrantTypesField()
  grant_types?: string[];

  @LogoUrlField()
  logo_url?: string | null;

  @BrandColorField()
  brand_color?: string | null;

  @RequirePkceForAllClientsField()
  require_pkce_for_all_clients?: boolean;

  @RegistrationField()
  registration?: RegistrationPolicy;

  @ApiPropertyOptional({
    type: SignInPolicyDto,
    description:
      'Which factors sign people in and when a second one is needed; an update changes only the members it names. ' +
      'Authentication levels (`acr`): `urn:portcullis:acr:password` (a password), `urn:portcullis:acr:mfa` (two factors), `phr` (a passkey or security key: phishing-resistant).',
  })
  @OptionalNotNull()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => SignInPolicyDto)
  sign_in_policy?: SignInPolicyDto;
}
