import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayContains, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/decorators.js';
import { SIGNING_ALGS } from '../../common/protocol.js';
import { REGISTRATION_POLICIES, REQUIRED_GRANT_TYPES, TENANT_GRANT_TYPES, TENANT_OPTION_DEFAULTS } from '../../stores/tenants/tenant.js';

/** `signing_alg`: algorithm of the tenant's signing keys, fixed at creation. */
export const SigningAlgField = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: SIGNING_ALGS,
      default: 'RS256',
      example: 'ES256',
      description: 'Algorithm of the signing keys (ID tokens, JWT access tokens).',
    }),
    OptionalNotNull(),
    IsIn(SIGNING_ALGS, { message: `$property must be one of ${SIGNING_ALGS.join(', ')}` }),
  );

/** `key_rotation_days`: age of the active key after which it is rotated automatically; 0 = only on request. */
export const KeyRotationDaysField = () =>
  applyDecorators(
    ApiPropertyOptional({
      minimum: 0,
      maximum: 3650,
      default: 90,
      example: 90,
      description: 'Days after which the active signing key is rotated automatically; 0 = manual only.',
    }),
    OptionalNotNull(),
    IsInt({ message: '$property must be an integer between 0 and 3650' }),
    Min(0, { message: '$property must be an integer between 0 and 3650' }),
    Max(3650, { message: '$property must be an integer between 0 and 3650' }),
  );

const ttlField = (description: string, example: number, min: number, max: number) =>
  applyDecorators(
    ApiPropertyOptional({ description, example, minimum: min, maximum: max }),
    OptionalNotNull(),
    IsInt({ message: `$property must be an integer between ${min} and ${max}` }),
    Min(min, { message: `$property must be an integer between ${min} and ${max}` }),
    Max(max, { message: `$property must be an integer between ${min} and ${max}` }),
  );

/** Token lifetimes, in seconds: from one minute to what common IdPs allow. */
const { accessTokenTtl, idTokenTtl, refreshTokenTtl } = TENANT_OPTION_DEFAULTS;
export const AccessTokenTtlField = () => ttlField(`Lifetime of access tokens (all grants), in seconds. Default ${accessTokenTtl}.`, accessTokenTtl, 60, 86_400);
export const IdTokenTtlField = () => ttlField(`Lifetime of ID tokens, in seconds. Default ${idTokenTtl}.`, idTokenTtl, 60, 86_400);
export const RefreshTokenTtlField = () =>
  ttlField(`Lifetime of refresh tokens, in seconds. Default ${refreshTokenTtl} (${refreshTokenTtl / 86_400} days).`, refreshTokenTtl, 300, 31_536_000);

/** `grant_types`: what the tenant's clients may use. */
export const GrantTypesField = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: 'Grant types the tenant allows; clients register a subset. authorization_code and refresh_token are always allowed. Default: all.',
      enum: TENANT_GRANT_TYPES,
      isArray: true,
      example: ['authorization_code', 'refresh_token', 'client_credentials'],
    }),
    OptionalNotNull(),
    IsArray({ message: '$property must be an array' }),
    ArrayUnique({ message: '$property must not repeat a grant type' }),
    IsIn(TENANT_GRANT_TYPES, { each: true, message: `$property may hold only ${TENANT_GRANT_TYPES.join(', ')}` }),
    ArrayContains(REQUIRED_GRANT_TYPES, { message: `$property must include ${REQUIRED_GRANT_TYPES.join(' and ')}` }),
  );

/** Sign-in page branding. `null` in an update removes it. */
export const LogoUrlField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      format: 'uri',
      example: 'https://cdn.example.com/acme.svg',
      description: 'https URL of the logo on sign-in pages.',
    }),
    IsOptional(),
    IsUrl({ protocols: ['https'], require_protocol: true, require_tld: false }, { message: '$property must be an https URL' }),
    MaxLength(2048, { message: '$property must be at most 2048 characters long' }),
  );

export const BrandColorField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, pattern: '^#[0-9a-fA-F]{6}$', example: '#0a7d4f', description: 'Accent colour of sign-in pages.' }),
    IsOptional(),
    Matches(/^#[0-9a-fA-F]{6}$/, { message: '$property must be a colour like #0a7d4f' }),
  );

/** `registration`: whether and how clients register themselves at the issuer (RFC 7591/7592). */
export const RegistrationField = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: REGISTRATION_POLICIES,
      default: 'off',
      example: 'initial_access_token',
      description:
        'Dynamic client registration (RFC 7591, with RFC 7592 management): `off` (no registration endpoint), `initial_access_token` ' +
        '(each registration presents a token issued with POST …/initial-access-tokens) or `open` (anyone may register, within the rate limit).',
    }),
    OptionalNotNull(),
    IsIn(REGISTRATION_POLICIES, { message: `$property must be one of ${REGISTRATION_POLICIES.join(', ')}` }),
  );

/** `require_pkce_for_all_clients`: PKCE of confidential clients too (public clients always need it). */
export const RequirePkceForAllClientsField = () =>
  applyDecorators(
    ApiPropertyOptional({
      default: false,
      example: true,
      description:
        'Require PKCE (S256) on the authorization requests of every client, confidential ones included (RFC 9700 §2.1.1). ' +
        'Public clients (token_endpoint_auth_method none) and clients registered with require_pkce need it whatever this says.',
    }),
    OptionalNotNull(),
    IsBoolean({ message: '$property must be a boolean' }),
  );
