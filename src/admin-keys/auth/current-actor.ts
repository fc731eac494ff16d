import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { requestIdOf } from '../../common/http/request-id.js';
import type { Actor } from '../../stores/audit-events/actor.js';
import type { AdminRequest } from './admin-key.guard.js';

/** The admin key of the request (set by AdminKeyGuard), with the request id and client address. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const req = context.switchToHttp().getRequest<AdminRequest & { id?: unknown }>();
  return { type: 'admin_key', id: req.admin!.id, name: req.admin!.name, requestId: requestIdOf(req), ip: req.ip };
});
