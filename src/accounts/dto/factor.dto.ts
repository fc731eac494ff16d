import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FACTOR_KINDS, type FactorKind } from '../../stores/user-factors/user-factor.js';

/** A sign-in factor of a user, as admins see it: never its secret, key or codes. */
export class FactorDto {
  @ApiProperty({ format: 'uuid', example: '5f0c2a7e-1b3d-4c8e-9a6f-2d4b6c8e0a1f' })
  factor_id: string;

  @ApiProperty({
    enum: FACTOR_KINDS,
    example: 'passkey',
    description:
      '`totp`: an authenticator app (RFC 6238); `passkey`: a discoverable WebAuthn credential that verifies its user and signs in alone; ' +
      '`security_key`: a WebAuthn credential used after the password; `recovery_codes`: the set of single-use recovery codes.',
  })
  kind: FactorKind;

  @ApiProperty({ example: 'Passkey' })
  label: string;

  @ApiPropertyOptional({ example: 8, description: 'Recovery codes not used yet (`recovery_codes` only).' })
  remaining_codes?: number;

  @ApiPropertyOptional({
    example: true,
    description: 'The credential may be synced between devices (WebAuthn backup eligible; `amr` says `swk` rather than `hwk`).',
  })
  synced?: boolean;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When it last signed the user in; null if never.' })
  last_used_at: string | null;
}

export class FactorListDto {
  @ApiProperty({ type: [FactorDto] })
  items: FactorDto[];
}

export class FactorResetDto {
  @ApiProperty({ example: 3, description: 'Factors removed (a set of recovery codes counts as one).' })
  removed: number;
}
