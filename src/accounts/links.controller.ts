import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { CurrentActor } from '../admin-keys/auth/current-actor.js';
import { ApiNotFound } from '../common/errors/admin-error-responses.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { LinkListDto } from './dto/link.dto.js';
import { LinksService } from './links.service.js';

const USER_ID = { name: 'user_id', format: 'uuid', example: '3b0f6a52-8c1d-4e7a-9f2b-5d6c7e8f9a0b' };

@ApiTags('users')
@AdminApi()
@ApiParam({ name: 'issuer_id', example: 'acme' })
@ApiParam(USER_ID)
@ApiNotFound('user', '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11', 'No such tenant, user or link.')
@Controller('v1/tenants/:issuer_id/users/:user_id/links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Get()
  @ApiOperation({
    operationId: 'listUserLinks',
    summary: "List a user's links to upstream identities (one per connection the user signed in through)",
  })
  @ApiResponse({ status: 200, type: LinkListDto })
  list(@Param('issuer_id') issuerId: string, @Param('user_id') userId: string): Promise<LinkListDto> {
    return this.links.list(issuerId, userId);
  }

  @Delete(':link_id')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteUserLink',
    summary: "Remove a user's link to an upstream identity",
    description:
      'The upstream identity no longer signs in as this user; its next sign-in links afresh where the tenant allows it. Sessions are left alone. Audited as `user.link_removed`.',
  })
  @ApiParam({ name: 'link_id', format: 'uuid', example: '8c4e2a6f-0b1d-4f3e-a5c7-9e1b3d5f7a9c' })
  @ApiResponse({ status: 204, description: 'Removed.' })
  remove(
    @Param('issuer_id') issuerId: string,
    @Param('user_id') userId: string,
    @Param('link_id') linkId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.links.remove(issuerId, userId, linkId, actor);
  }
}
