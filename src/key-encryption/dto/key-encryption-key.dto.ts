import { ApiProperty } from '@nestjs/swagger';

/** What one key-encryption key seals in this database. */
export class KeyEncryptionKeyDto {
  @ApiProperty({
    example: '2026-12',
    description: "The key's id in `KEY_ENCRYPTION_KEYS` (`default`: `KEY_ENCRYPTION_KEY`, and values sealed before key ids).",
  })
  id: string;

  @ApiProperty({ example: true, description: 'This process holds the key. A key that seals values here but is not held makes the process refuse to start.' })
  configured: boolean;

  @ApiProperty({ example: false, description: 'The key seals new values (the first of `KEY_ENCRYPTION_KEYS`).' })
  sealing: boolean;

  @ApiProperty({ example: 0, description: 'Private signing keys sealed under it.' })
  signing_keys: number;

  @ApiProperty({ example: 0, description: 'Client secrets sealed under it.' })
  client_secrets: number;

  @ApiProperty({ example: 0, description: 'Sealed members of live protocol state (device codes, interactions in progress) under it.' })
  protocol_state: number;

  @ApiProperty({ example: 0, description: "Users' TOTP authenticator secrets sealed under it." })
  totp_secrets: number;

  @ApiProperty({ example: 0, description: 'Client secrets of connections (upstream OpenID Providers) sealed under it.' })
  connection_secrets: number;

  @ApiProperty({
    example: true,
    description: 'Nothing here is sealed under it and it does not seal: it can leave `KEY_ENCRYPTION_KEYS` (of every process on this database).',
  })
  removable: boolean;
}

export class KeyEncryptionKeyListDto {
  @ApiProperty({ example: '2026-12', description: 'The id of the key that seals new values.' })
  sealing_key_id: string;

  @ApiProperty({ type: [KeyEncryptionKeyDto], description: "The process's keys in `KEY_ENCRYPTION_KEYS` order, then any other id found in the database." })
  items: KeyEncryptionKeyDto[];
}

/** How many values one re-encryption moved to the sealing key, and what each key seals afterwards. */
export class ReEncryptionDto {
  @ApiProperty({ example: '2026-12', description: 'The key everything was re-encrypted under.' })
  sealing_key_id: string;

  @ApiProperty({ example: 12, description: 'Private signing keys re-encrypted.' })
  signing_keys: number;

  @ApiProperty({ example: 4, description: 'Client secrets re-encrypted.' })
  client_secrets: number;

  @ApiProperty({ example: 1, description: 'Sealed members of live protocol state re-encrypted.' })
  protocol_state: number;

  @ApiProperty({ example: 3, description: "Users' TOTP authenticator secrets re-encrypted." })
  totp_secrets: number;

  @ApiProperty({ example: 1, description: 'Client secrets of connections re-encrypted.' })
  connection_secrets: number;

  @ApiProperty({ type: [KeyEncryptionKeyDto], description: 'What each key seals afterwards (as `GET /v1/key-encryption-keys`).' })
  items: KeyEncryptionKeyDto[];
}
