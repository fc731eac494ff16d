import { ApiProperty } from '@nestjs/swagger';
import { IsEmpty } from 'class-validator';
import { ACR_LEVELS } from '../../common/protocol.js';
import { MAPPABLE_ATTRIBUTES, type MappableAttribute } from '../../stores/connections/connection.js';
import {
  AcrMappingField,
  ClaimMappingField,
  ClientIdField,
  ClientSecretField,
  DEFAULT_SCOPES,
  DisplayNameField,
  EmailDomainsField,
  ExclusiveField,
  IssuerField,
  NameField,
  ScopesField,
} from './connection-fields.js';

/** `POST /v1/tenants/{issuer_id}/connections`. */
export class CreateConnectionDto {
  @NameField() name: string;
  @DisplayNameField() display_name: string;
  @IssuerField() issuer: string;
  @ClientIdField() client_id: string;
  @ClientSecretField() client_secret: string;
  @ScopesField() scopes?: string[];
  @ClaimMappingField() claim_mapping?: Record<string, MappableAttribute>;
  @AcrMappingField() acr_mapping?: Record<string, string>;
  @EmailDomainsField() email_domains?: string[];
  @ExclusiveField() exclusive?: boolean;
}

/** Partial update: members given replace the stored ones. The name never changes: it is part of the redirect URI registered upstream. */
export class UpdateConnectionDto {
  // Undocumented on purpose: present only to say why it is refused.
  @IsEmpty({ message: '$property cannot change (it is part of the redirect_uri registered upstream): create another connection' })
  name?: never;

  @DisplayNameField(false) display_name?: string;
  @IssuerField(false) issuer?: string;
  @ClientIdField(false) client_id?: string;
  @ClientSecretField(false) client_secret?: string;
  @ScopesField() scopes?: string[];
  @ClaimMappingField() claim_mapping?: Record<string, MappableAttribute>;
  @AcrMappingField() acr_mapping?: Record<string, string>;
  @EmailDomainsField() email_domains?: string[];
  @ExclusiveField() exclusive?: boolean;
}

/** A connection as admins see it: never its client secret. */
export class ConnectionDto {
  @ApiProperty({ format: 'uuid', example: '6a1f0c3e-2b4d-4e8f-9a0b-1c2d3e4f5a6b' })
  connection_id: string;

  @ApiProperty({ example: 'acme' })
  name: string;

  @ApiProperty({ example: 'Acme Corp' })
  display_name: string;

  @ApiProperty({ example: 'https://login.acme.example/' })
  issuer: string;

  @ApiProperty({ example: 'portcullis-acme' })
  client_id: string;

  @ApiProperty({ type: [String], example: DEFAULT_SCOPES })
  scopes: string[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: [...MAPPABLE_ATTRIBUTES] }, example: { email: 'email', name: 'name' } })
  claim_mapping: Record<string, MappableAttribute>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: [...ACR_LEVELS] }, example: {} })
  acr_mapping: Record<string, string>;

  @ApiProperty({ type: [String], example: ['acme.example'] })
  email_domains: string[];

  @ApiProperty({ example: false })
  exclusive: boolean;

  @ApiProperty({
    format: 'uri',
    example: 'https://id.example.com/acme/federation/acme/callback',
    description: 'The redirect URI to register at the upstream for this client.',
  })
  redirect_uri: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  created_at: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  updated_at: string;
}

export class ConnectionPageDto {
  @ApiProperty({ type: [ConnectionDto] })
  items: ConnectionDto[];

  @ApiProperty({ type: String, nullable: true, example: 'eyJrIjoiYWNtZSJ9', description: 'Cursor of the next page; null on the last page.' })
  next_cursor: string | null;
}
