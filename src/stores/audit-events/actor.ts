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
