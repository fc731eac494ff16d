import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';
import { OptionalNotNull } from '../../common/validation/decorators.js';

/** Longest life of an initial access token, in seconds: a year. Without `expires_in`, a token lives until revoked. */
const MAX_EXPIRES_IN = 31_536_000;

export class CreateInitialAccessTokenDto {
  @ApiPropertyOptional({
    minimum: 60,
    maximum: MAX_EXPIRES_IN,
    example: 86400,
    description: 'Seconds until the token expires. Default: it does not expire (until revoked).',
  })
  @OptionalNotNull()
  @IsInt({ message: `$property must be an integer between 60 and ${MAX_EXPIRES_IN}` })
  @Min(60, { message: `$property must be an integer between 60 and ${MAX_EXPIRES_IN}` })
  @Max(MAX_EXPIRES_IN, { message: `$property must be an integer between 60 and ${MAX_EXPIRES_IN}` })
  expires_in?: number;

  @ApiPropertyOptional({
    default: false,
    example: true,
    description: 'The token registers one client, then is gone (used up in the registration that succeeds).',
  })
  @OptionalNotNull()
  @IsBoolean({ message: '$property must be a boolean' })
  single_use?: boolean;
}

export class InitialAccessTokenDto {
  @ApiProperty({
    example: '2f9c4b0e8f7d6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b',
    description: 'The SHA-256 of the token (hex): the only form it is stored in, and its name here.',
  })
  id: string;

  @ApiProperty({ example: false })
  single_use: boolean;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  created_at: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-30T10:00:00.000Z', description: 'Null: valid until revoked.' })
  expires_at: string | null;
}

export class InitialAccessTokenWithValueDto extends InitialAccessTokenDto {
  @ApiProperty({
    example: 'pX3qN0v8Yk2mB7tR1wZ5sD9fH4jL6cQ0aE8gU2iO3yT',
    description: 'The token, for `Authorization: Bearer …` at the registration endpoint. Shown only in this answer.',
  })
  initial_access_token: string;
}

export class InitialAccessTokenPageDto {
  @ApiProperty({ type: [InitialAccessTokenDto] })
  items: InitialAccessTokenDto[];

  @ApiProperty({ type: String, nullable: true, example: 'eyJrIjoiYWNtZSJ9', description: 'Cursor of the next page; null on the last page.' })
  next_cursor: string | null;
}

export class ListInitialAccessTokensQueryDto extends PageQueryDto {}
