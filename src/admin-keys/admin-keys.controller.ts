import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../audit/actor.js';
import { AdminApi } from '../common/auth/admin-api.decorator.js';
import { AdminErrorDto } from '../common/errors/admin-error.dto.js';
import type { Page } from '../common/http/pagination.js';
import { AdminKeysService } from './admin-keys.service.js';
import { AdminKeyDto, AdminKeyPageDto, AdminKeyWithSecretDto, CreateAdminKeyDto, ListAdminKeysQueryDto } from './dto/admin-key.dto.js';

const IdParam = () => ApiParam({ name: 'id', format: 'uuid' });
const NotFound = () => ApiResponse({ status: 404, description: 'No such key.', type: AdminErrorDto });
const ForScopedKeys = () => ApiResponse({ status: 403, description: 'Tenant-scoped keys cannot manage keys.', type: AdminErrorDto });

@ApiTags('admin-keys')
@AdminApi()
@Controller('v1/admin-keys')
export class AdminKeysController {
  constructor(private readonly keys: AdminKeysService) {}

  @Post()
  @ApiOperation({ operationId: 'createAdminKey', summary: 'Create an admin API key, for all tenants or one; the key is shown only in this answer' })
  @ApiResponse({ status: 201, type: AdminKeyWithSecretDto })
  @ApiResponse({ status: 422, description: 'Invalid fields, each named in `details`.', type: AdminErrorDto })
  @ForScopedKeys()
  create(@Body() dto: CreateAdminKeyDto, @CurrentActor() actor: Actor): Promise<AdminKeyWithSecretDto> {
    return this.keys.create(dto, actor);
  }

  @Get()
  @ApiOperation({ operationId: 'listAdminKeys', summary: 'List admin API keys (never the keys themselves)' })
  @ApiResponse({ status: 200, type: AdminKeyPageDto })
  @ApiResponse({ status: 422, description: 'Invalid filters.', type: AdminErrorDto })
  @ForScopedKeys()
  list(@Query() query: ListAdminKeysQueryDto): Promise<Page<AdminKeyDto>> {
    return this.keys.list(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getAdminKey', summary: 'Get an admin API key (never the key itself)' })
  @IdParam()
  @ApiResponse({ status: 200, type: AdminKeyDto })
  @NotFound()
  @ForScopedKeys()
  get(@Param('id') id: string): Promise<AdminKeyDto> {
    return this.keys.get(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeAdminKey', summary: 'Revoke an admin API key; it stops working at once' })
  @IdParam()
  @ApiResponse({ status: 204, description: 'Revoked.' })
  @NotFound()
  @ForScopedKeys()
  revoke(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.keys.revoke(id, actor);
  }
}
