import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { CurrentActor } from '../admin-keys/auth/current-actor.js';
import { ApiInvalid, ApiJsonBodyErrors, ApiNotFound } from '../common/errors/admin-error-responses.js';
import type { Page } from '../common/http/pagination.js';
import type { Actor } from '../stores/audit-events/actor.js';
import {
  CreateInitialAccessTokenDto,
  InitialAccessTokenDto,
  InitialAccessTokenPageDto,
  InitialAccessTokenWithValueDto,
  ListInitialAccessTokensQueryDto,
} from './dto/initial-access-token.dto.js';
import { InitialAccessTokensService } from './initial-access-tokens.service.js';

@ApiTags('clients')
@AdminApi()
@ApiParam({ name: 'issuer_id', example: 'acme' })
@ApiNotFound('tenant', 'acme', 'No such tenant (or initial access token).')
@Controller('v1/tenants/:issuer_id/initial-access-tokens')
export class InitialAccessTokensController {
  constructor(private readonly tokens: InitialAccessTokensService) {}

  @Post()
  @ApiOperation({
    operationId: 'createInitialAccessToken',
    summary: 'Issue an initial access token for dynamic client registration (RFC 7591 §3); the token is shown only in this answer',
  })
  @ApiResponse({ status: 201, type: InitialAccessTokenWithValueDto })
  @ApiInvalid('expires_in', 'must be an integer between 60 and 31536000')
  @ApiJsonBodyErrors()
  create(
    @Param('issuer_id') issuerId: string,
    @Body() dto: CreateInitialAccessTokenDto,
    @CurrentActor() actor: Actor,
  ): Promise<InitialAccessTokenWithValueDto> {
    return this.tokens.create(issuerId, dto, actor);
  }

  @Get()
  @ApiOperation({ operationId: 'listInitialAccessTokens', summary: 'List live initial access tokens, in id order (never the tokens themselves)' })
  @ApiResponse({ status: 200, type: InitialAccessTokenPageDto })
  @ApiInvalid('limit', 'must be an integer between 1 and 200', 'Invalid filters, each named in `details`.')
  list(@Param('issuer_id') issuerId: string, @Query() query: ListInitialAccessTokensQueryDto): Promise<Page<InitialAccessTokenDto>> {
    return this.tokens.list(issuerId, query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeInitialAccessToken', summary: 'Revoke an initial access token; it stops working at once' })
  @ApiParam({ name: 'id', example: '2f9c4b0e8f7d6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b' })
  @ApiResponse({ status: 204, description: 'Revoked.' })
  revoke(@Param('issuer_id') issuerId: string, @Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.tokens.revoke(issuerId, id, actor);
  }
}
