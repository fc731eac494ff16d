import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { CurrentActor } from '../admin-keys/auth/current-actor.js';
import { ApiTenantScopedKeyForbidden } from '../common/errors/admin-error-responses.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { KeyEncryptionKeyListDto, ReEncryptionDto } from './dto/key-encryption-key.dto.js';
import { KeyEncryptionService } from './key-encryption.service.js';

@ApiTags('key-encryption-keys')
@AdminApi()
@ApiTenantScopedKeyForbidden()
@Controller('v1/key-encryption-keys')
export class KeyEncryptionController {
  constructor(private readonly keys: KeyEncryptionService) {}

  @Get()
  @ApiOperation({
    operationId: 'listKeyEncryptionKeys',
    summary: 'What each key-encryption key seals (signing keys, client secrets, live protocol state), and which can be removed',
  })
  @ApiResponse({ status: 200, type: KeyEncryptionKeyListDto })
  list(): Promise<KeyEncryptionKeyListDto> {
    return this.keys.list();
  }

  @Post('re-encrypt')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'reEncrypt',
    summary: 'Re-encrypt every sealed value under the sealing key, in batches, while traffic flows (idempotent; run after making a new key first)',
  })
  @ApiResponse({ status: 200, type: ReEncryptionDto })
  reEncrypt(@CurrentActor() actor: Actor): Promise<ReEncryptionDto> {
    return this.keys.reEncrypt(actor);
  }
}
