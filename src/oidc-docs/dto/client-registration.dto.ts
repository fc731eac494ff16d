import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ClientMetadataDto } from '../../clients/dto/client-metadata.dto.js';

/**
 * RFC 7592 §2.2: the client's whole registration, replacing the one stored; members left out
 * are removed. `allowed_resources` and `resource_server_audiences` stay what an administrator
 * gave (sent, they must equal it).
 */
@ApiSchema({ name: 'ClientRegistrationUpdate' })
export class ClientRegistrationUpdateDto extends ClientMetadataDto {
  @ApiProperty({ example: 'q3Zp0fW8bq3Yt1xQk0yq1wQF', description: "The client's own client_id." })
  client_id: string;

  @ApiPropertyOptional({ description: 'If sent, the current secret (RFC 7592 §2.2); a client cannot choose its secret.' })
  client_secret?: string;
}

/**
 * RFC 7591 §3.2.1 / RFC 7592 §3: the registration as the issuer holds it (every member in force,
 * defaults included), the credentials, and how the client manages it.
 */
@ApiSchema({ name: 'ClientRegistration' })
export class ClientRegistrationDto extends ClientMetadataDto {
  @ApiProperty({ example: 'q3Zp0fW8bq3Yt1xQk0yq1wQF' })
  client_id: string;

  @ApiPropertyOptional({ description: 'For a client that authenticates with a secret (client_secret_basic, client_secret_post, client_secret_jwt).' })
  client_secret?: string;

  @ApiProperty({ type: 'integer', example: 1796181048, description: 'When the client_id was issued, in seconds since the epoch.' })
  client_id_issued_at: number;

  @ApiPropertyOptional({ type: 'integer', example: 0, description: '0: the secret does not expire.' })
  client_secret_expires_at?: number;

  @ApiProperty({ description: 'The bearer token for this client URL (RFC 7592); a new one after each update, which the old one no longer works for.' })
  registration_access_token: string;

  @ApiProperty({ format: 'uri', example: 'https://id.example.com/acme/register/q3Zp0fW8bq3Yt1xQk0yq1wQF' })
  registration_client_uri: string;
}
