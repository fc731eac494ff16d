import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotIn, IsString, Matches } from 'class-validator';

/** 2–63 characters: lower-case letters, digits and inner hyphens, like a DNS label. */
export const ISSUER_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$/;

/**
 * Names that collide with top-level routes, today's or ones we expect to add, so an issuer
 * can never shadow `/docs` or `/v1` (or be shadowed by them).
 */
export const RESERVED_ISSUER_IDS: readonly string[] = [
  'admin',
  'api',
  'assets',
  'auth',
  'demo-callback',
  'demo-login',
  'docs',
  'favicon',
  'health',
  'healthz',
  'internal',
  'livez',
  'login',
  'logout',
  'metrics',
  'oauth',
  'oauth2',
  'oidc',
  'openapi',
  'public',
  'readyz',
  'robots',
  'static',
  'status',
  'swagger',
  'system',
  'v1',
  'v2',
  'v3',
  'well-known',
];

/** Validation and documentation of an `issuer_id` field. */
export const IsIssuerId = () =>
  applyDecorators(
    ApiProperty({
      description: 'Path segment of the issuer: 2–63 characters of a-z, 0-9 and inner hyphens; not a reserved name.',
      example: 'acme',
      pattern: ISSUER_ID_PATTERN.source,
      minLength: 2,
      maxLength: 63,
    }),
    IsString({ message: '$property must be a string' }),
    Matches(ISSUER_ID_PATTERN, {
      message: '$property must be 2-63 characters of a-z, 0-9 and inner hyphens',
    }),
    IsNotIn(RESERVED_ISSUER_IDS, { message: '$property is a reserved name' }),
  );
