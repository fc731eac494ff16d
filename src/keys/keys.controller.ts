import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../admin-keys/auth/current-actor.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { ApiAdminError, ApiInvalid, ApiNotFound } from '../common/errors/admin-error-responses.js';
import { PageQueryDto, type Page } from '../common/http/pagination.js';
import { AppError } from '../common/errors/app-error.js';
import { KeyListDto, KeyPageDto, type KeyDto } from './dto/key.dto.js';
import { KeysService } from './keys.service.js';

@ApiTags('keys')
@AdminApi()
@ApiParam({ name: 'issuer_id', example: 'acme' })
@ApiNotFound('tenant', 'acme', 'No such tenant (or key).')
@Controller('v1/tenants/:issuer_id/keys')
export class KeysController {
  constructor(private readonly keys: KeysService) {}

  @Get()
  @ApiOperation({ operationId: 'listKeys', summary: "List the tenant's signing keys (public metadata only)" })
  @ApiResponse({ status: 200, type: KeyPageDto })
  @ApiInvalid('limit', 'must be an integer between 1 and 200', 'Invalid paging, each field named in `details`.')
  list(@Param('issuer_id') issuerId: string, @Query() query: PageQueryDto): Promise<Page<KeyDto>> {
    return this.keys.page(issuerId, query);
  }

  @Post('rotate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'rotateKeys', summary: 'Rotate: next becomes active, active becomes retired, a new next is pre-published' })
  @ApiResponse({ status: 200, type: KeyListDto })
  rotate(@Param('issuer_id') issuerId: string, @CurrentActor() actor: Actor): Promise<KeyListDto> {
    return this.keys.rotate(issuerId, actor);
  }

  @Delete(':kid')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteKey', summary: 'Remove a retired key (tokens it signed stop verifying)' })
  @ApiParam({ name: 'kid', example: 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs' })
  @ApiResponse({ status: 204, description: 'Removed.' })
  @ApiAdminError(
    new AppError(409, 'conflict', "key 'k-2026-11' is the active key; only retired keys can be removed (rotate first)"),
    'The key is active or next.',
  )
  remove(@Param('issuer_id') issuerId: string, @Param('kid') kid: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.keys.remove(issuerId, kid, actor);
  }
}
