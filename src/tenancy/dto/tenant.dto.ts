import { ApiProperty } from '@nestjs/swagger';
import { SIGNING_ALGS } from '../../common/protocol.js';
import { SignInPolicyViewDto } from './sign-in-policy.dto.js';
import { REGISTRATION_POLICIES, TENANT_GRANT_TYPES, type RegistrationPolicy } from '../../stores/tenants/tenant.js';

export class TenantDto {
  @ApiProperty({ example: 'acme' })
  issuer_id: string;

  @ApiProperty({ description: 'The issuer identifier: PUBLIC_URL/{issuer_id}.', example: 'https://id.example.com/acme' })
  issuer: string;

  @ApiProperty({ example: 'Acme Corp' })
  display_name: string;

  @ApiProperty({ example: true })
  enabled: boolean;

  @ApiProperty({ enum: SIGNING_ALGS, example: 'RS256' })
  signing_alg: string;

  @ApiProperty({ example: 90, description: '0 = manual rotation only.' })
  key_rotation_days: number;

  @ApiProperty({ example: 3600, description: 'Seconds.' })
  access_token_ttl: number;

  @ApiProperty({ example: 3600, description: 'Seconds.' })
  id_token_ttl: number;

  @ApiProperty({ example: 1209600, description: 'Seconds.' })
  refresh_token_ttl: number;

  @ApiProperty({ enum: TENANT_GRANT_TYPES, isArray: true, example: [...TENANT_GRANT_TYPES] })
  grant_types: string[];

  @ApiProperty({ type: String, nullable: true, example: 'https://cdn.example.com/acme.svg' })
  logo_url: string | null;

  @ApiProperty({ type: String, nullable: true, example: '#0a7d4f' })
  brand_color: string | null;

  @ApiProperty({ example: false, description: 'PKCE required of every client, confidential ones included.' })
  require_pkce_for_all_clients: boolean;
  @ApiProperty({ enum: REGISTRATION_POLICIES, example: 'off', description: 'Dynamic client registration: off, initial_access_token or open.' })
  registration: RegistrationPolicy;

  @ApiProperty({ type: SignInPolicyViewDto, description: 'Which factors sign people in and when a second one is needed.' })
  sign_in_policy: SignInPolicyViewDto;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T15:00:00.000Z' })
  created_at: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T15:00:00.000Z' })
  updated_at: string;
}

export class TenantPageDto {
  @ApiProperty({ type: [TenantDto] })
  items: TenantDto[];

  @ApiProperty({ type: String, nullable: true, example: 'eyJrIjoiYWNtZSJ9', description: 'Cursor of the next page; null on the last page.' })
  next_cursor: string | null;
}
