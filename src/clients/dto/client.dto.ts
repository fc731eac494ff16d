import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClientMetadataDto } from './client-metadata.dto.js';

/** A registered client: its metadata plus what the server assigned. Never carries the secret. */
export class ClientDto extends ClientMetadataDto {
  @ApiProperty({ example: 'q3Zp0fW8bq3Yt1xQk0yq1wQF' })
  client_id: string;

  @ApiProperty({ example: 1795449600, description: 'RFC 7591: when the client_id was issued, in seconds since the epoch.' })
  client_id_issued_at: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  created_at: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  updated_at: string;
}

/** The answer to create and to secret rotation: the only times the secret is shown. */
export class ClientWithSecretDto extends ClientDto {
  @ApiPropertyOptional({ example: 'vJ1o2Q…', description: 'Shown only now. Absent for public and private_key_jwt clients.' })
  client_secret?: string;

  @ApiPropertyOptional({ example: 0, description: 'RFC 7591: 0, the secret does not expire.' })
  client_secret_expires_at?: number;
}

export class ClientPageDto {
  @ApiProperty({ type: [ClientDto] })
  items: ClientDto[];

  @ApiProperty({ type: String, nullable: true, example: 'eyJrIjoiYWNtZSJ9', description: 'Cursor of the next page; null on the last page.' })
  next_cursor: string | null;
}
