import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayContains,
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { ACR_LEVELS } from '../../common/protocol.js';
import { OptionalNotNull } from '../../common/validation/decorators.js';
import { CONNECTION_NAME, MAPPABLE_ATTRIBUTES } from '../../stores/connections/connection.js';

/** A lower-case domain name: dot-separated labels of a-z 0-9 and inner hyphens, two labels at least. */
export const EMAIL_DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** RFC 6749 §3.3 scope-token. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

export const DEFAULT_SCOPES = ['openid', 'email', 'profile'];

/** Members a mapping may hold: enough for any provider's claims, few enough to bound a row. */
const MAX_MAPPINGS = 50;

/** Present in a create; in an update, may be absent but not null. */
const presence = (required: boolean) => (required ? IsDefined({ message: '$property is required' }) : OptionalNotNull());
const doc = (required: boolean) => (required ? ApiProperty : ApiPropertyOptional);

/**
 * An object of at most MAX_MAPPINGS members, each a non-empty key (at most 200 characters)
 * naming one of `targets`. The message names the first member at fault.
 */
const IsMappingTo = (targets: readonly string[], options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isMappingTo',
      validator: {
        validate: (value: unknown) => mappingProblem(value, targets) === null,
        defaultMessage: (args) => `$property ${mappingProblem(args?.value, targets)}`,
      },
    },
    options,
  );

function mappingProblem(value: unknown, targets: readonly string[]): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_MAPPINGS) return `must hold at most ${MAX_MAPPINGS} members`;
  for (const [key, target] of entries) {
    if (key.length === 0 || key.length > 200) return 'member names must be 1-200 characters long';
    if (typeof target !== 'string' || !targets.includes(target)) return `maps '${key}' to ${JSON.stringify(target)}, which is not one of ${targets.join(', ')}`;
  }
  return null;
}

export const NameField = (required = true) =>
  applyDecorators(
    doc(required)({
      example: 'acme',
      pattern: CONNECTION_NAME.source,
      description:
        'Unique in the tenant: the `idp_hint` value that sends a sign-in straight to this connection, and a segment of its `redirect_uri`. ' +
        'Cannot change once created.',
    }),
    presence(required),
    IsString({ message: '$property must be a string' }),
    Matches(CONNECTION_NAME, { message: '$property must be 1-63 characters of a-z 0-9 -, starting with a letter or digit' }),
  );

export const DisplayNameField = (required = true) =>
  applyDecorators(
    doc(required)({ example: 'Acme Corp', minLength: 1, maxLength: 100, description: 'The label of its button on the sign-in page.' }),
    presence(required),
    IsString({ message: '$property must be a string' }),
    Length(1, 100, { message: '$property must be 1-100 characters long' }),
  );

export const IssuerField = (required = true) =>
  applyDecorators(
    doc(required)({
      example: 'https://login.acme.example/',
      format: 'uri',
      maxLength: 2048,
      description:
        "The upstream's issuer identifier. It is discovered when given (OpenID Connect Discovery, under the provider check's address policy): " +
        'its metadata must name exactly this issuer, with no error finding (see `POST /v1/providers/discover`).',
    }),
    presence(required),
    IsString({ message: '$property must be a string' }),
    MaxLength(2048, { message: '$property must be at most 2048 characters long' }),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false, disallow_auth: true, allow_query_components: false, allow_fragments: false },
      { message: '$property must be an absolute https URL without credentials, query or fragment' },
    ),
  );

export const ClientIdField = (required = true) =>
  applyDecorators(
    doc(required)({ example: 'portcullis-acme', minLength: 1, maxLength: 255, description: 'The client id Portcullis has at the upstream.' }),
    presence(required),
    IsString({ message: '$property must be a string' }),
    Length(1, 255, { message: '$property must be 1-255 characters long' }),
  );

export const ClientSecretField = (required = true) =>
  applyDecorators(
    doc(required)({
      example: 'upstream-client-secret',
      minLength: 1,
      maxLength: 1000,
      writeOnly: true,
      description: 'The client secret Portcullis has at the upstream (`client_secret_basic`). Sealed at rest; never returned.',
    }),
    presence(required),
    IsString({ message: '$property must be a string' }),
    Length(1, 1000, { message: '$property must be 1-1000 characters long' }),
  );

export const ScopesField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      example: DEFAULT_SCOPES,
      default: DEFAULT_SCOPES,
      description: 'Scopes asked of the upstream; must include `openid`.',
    }),
    OptionalNotNull(),
    IsArray({ message: '$property must be an array' }),
    ArrayMaxSize(20, { message: '$property must hold at most 20 scopes' }),
    ArrayUnique({ message: '$property must not repeat a scope' }),
    Matches(SCOPE_TOKEN, { each: true, message: '$property must hold scope tokens (RFC 6749 §3.3)' }),
    ArrayContains(['openid'], { message: '$property must include openid' }),
  );

export const ClaimMappingField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: 'object',
      additionalProperties: { type: 'string', enum: [...MAPPABLE_ATTRIBUTES] },
      example: { email: 'email', email_verified: 'email_verified', name: 'name', upn: 'preferred_username' },
      description:
        "Upstream claim → the user attribute it fills. Default: each standard claim to itself. Given, it replaces the default whole. `sub` is never mapped: the link keeps the upstream's.",
    }),
    OptionalNotNull(),
    IsMappingTo(MAPPABLE_ATTRIBUTES),
  );

export const AcrMappingField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: 'object',
      additionalProperties: { type: 'string', enum: [...ACR_LEVELS] },
      example: { 'http://schemas.openid.net/pape/policies/2007/06/multi-factor': 'urn:portcullis:acr:mfa' },
      default: {},
      description: 'Upstream `acr` → the Portcullis `acr` a sign-in through it counts as. An upstream `acr` not named counts as a password.',
    }),
    OptionalNotNull(),
    IsMappingTo(ACR_LEVELS),
  );

export const EmailDomainsField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      example: ['acme.example'],
      default: [],
      description:
        'Lower-case email domains whose users sign in here (home-realm discovery from the email typed on the sign-in page). ' +
        "A domain belongs to one connection of a tenant. In an update, the list replaces the connection's domains.",
    }),
    OptionalNotNull(),
    IsArray({ message: '$property must be an array' }),
    ArrayMaxSize(100, { message: '$property must hold at most 100 domains' }),
    ArrayUnique({ message: '$property must not repeat a domain' }),
    Matches(EMAIL_DOMAIN, { each: true, message: '$property must hold lower-case domain names (like acme.example)' }),
  );

export const ExclusiveField = () =>
  applyDecorators(
    ApiPropertyOptional({
      default: false,
      example: false,
      description: 'Users of its email domains sign in only here: no password or passkey sign-in for them. Requires at least one email domain.',
    }),
    OptionalNotNull(),
    IsBoolean({ message: '$property must be a boolean' }),
  );
