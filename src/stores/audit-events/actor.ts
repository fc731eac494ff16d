import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AdminRequest } from '../../admin-keys/auth/admin-key.guard.js';

/** Who made a change or caused an event, as the audit log records it. */
export interface Actor {
  type: 'admin_key' | 'system' | 'end_user' | 'client';
  /** An admin key id (`root` for ADMIN_API_KEY), a user id, a client id, or a system task's name. */
  id: string;
  name: string | null;
  requestId?: string;
  ip?: string;
}

/** Scheduled work, such as automatic key rotation. */
export const systemActor = (task: string): Actor => ({ type: 'system', id: task, name: null });

/** The admin key of the request (set by AdminKeyGuard), with the request id and client address. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const req = context.switchToHttp().getRequest<AdminRequest & { id?: unknown }>();
  return { type: 'admin_key', id: req.admin!.id, name: req.admin!.name, requestId: String(req.id), ip: req.ip };
});
