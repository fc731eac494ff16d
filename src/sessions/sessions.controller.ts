import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../admin-keys/auth/current-actor.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { ApiInvalid, ApiNotFound } from '../common/errors/admin-error-responses.js';
import { ListSessionsQueryDto, SessionPageDto } from './dto/session.dto.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('sessions')
@AdminApi()
@ApiParam({ name: 'issuer_id', example: 'acme' })
@ApiNotFound('session', 'sxXuFeqc6pmV', 'No such tenant or session.')
@Controller('v1/tenants/:issuer_id/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @ApiOperation({ operationId: 'listSessions', summary: 'List live end-user sessions; filter by user_id' })
  @ApiResponse({ status: 200, type: SessionPageDto })
  @ApiInvalid('user_id', 'must be a UUID', 'Invalid filters, each named in `details`.')
  list(@Param('issuer_id') issuerId: string, @Query() query: ListSessionsQueryDto): Promise<SessionPageDto> {
    return this.sessions.list(issuerId, query);
  }

  @Delete(':session_id')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteSession',
    summary: 'End a session and revoke the grants (and tokens) made in it',
    description:
      'Clients of the session that registered a backchannel_logout_uri are sent a logout token (OpenID Connect Back-Channel Logout 1.0) ' +
      'before the answer; one that cannot be reached within 2.5 s is logged, and the session stays ended.',
  })
  @ApiParam({ name: 'session_id', example: 'e4mZl0uWbV2tq9Xy3RkJc' })
  @ApiResponse({ status: 204, description: 'Ended.' })
  end(@Param('issuer_id') issuerId: string, @Param('session_id') sessionId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.sessions.end(issuerId, sessionId, actor);
  }
}
