import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../audit/actor.js';
import { AdminApi } from '../common/auth/admin-api.decorator.js';
import { AdminErrorDto } from '../common/errors/admin-error.dto.js';
import { KeyListDto } from './dto/key.dto.js';
import { KeysService } from './keys.service.js';

@ApiTags('keys')
@AdminApi()
@ApiParam({ name: 'issuer_id', example: 'acme' })
@ApiResponse({ status: 404, description: 'No such tenant (or key).', type: AdminErrorDto })
@Controller('v1/tenants/:issuer_id/keys')
export class KeysController {
  constructor(private readonly keys: KeysService) {}

  @Get()
  @ApiOperation({ operationId: 'listKeys', summary: "List the tenant's signing keys (public metadata only)" })
  @ApiResponse({ status: 200, type: KeyListDto })
  list(@Param('issuer_id') issuerId: string): Promise<KeyListDto> {
    return this.keys.list(issuerId);
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
  @ApiParam({ name: 'kid' })
  @ApiResponse({ status: 204, description: 'Removed.' })
  @ApiResponse({ status: 409, description: 'The key is active or next.', type: AdminErrorDto })
  remove(@Param('issuer_id') issuerId: string, @Param('kid') kid: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.keys.remove(issuerId, kid, actor);
  }
}
