import type { RegistrationPolicy } from '../../stores/tenants/tenant.js';
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

/** The options a tenant is created with and may change later: keys, token lifetimes, grants, branding, PKCE, client registration. */
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
}
