import { Injectable } from '@nestjs/common';
import { Database, prepared } from '../../database/database.js';
import { fromRow, insertValues, setColumns } from '../../database/rows.js';
import type { User, UserWithPassword } from './user.js';

export interface UserListFilter {
  after?: string;
  email?: string;
  username?: string;
  limit: number;
}

/** Every column but the password hash, which only `findForLogin` reads. */
const COLUMNS = 'tenant_id, user_id, username, email, claims, credentials_changed_at, created_at, updated_at';
const BY_ID = prepared('users_by_id', `SELECT ${COLUMNS} FROM users WHERE tenant_id = $1 AND user_id = $2`);

/** The only code that reads or writes `users`. Every query names its tenant. */
@Injectable()
export class UsersStore {
  constructor(private readonly db: Database) {}

  async insert(user: Omit<UserWithPassword, 'createdAt' | 'updatedAt' | 'credentialsChangedAt'>): Promise<User> {
    const values = insertValues(user);
    const [row] = await this.db.query(`INSERT INTO users ${values.sql} RETURNING ${COLUMNS}`, values.params);
    return fromRow(row);
  }

  async find(tenantId: string, userId: string): Promise<User | null> {
    const [row] = await this.db.query(BY_ID, [tenantId, userId]);
    return row ? fromRow(row) : null;
  }

  /** With the password hash, by username (any case): for sign-in only. */
  async findForLogin(tenantId: string, username: string): Promise<UserWithPassword | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS}, password_hash FROM users WHERE tenant_id = $1 AND lower(username) = lower($2)`, [tenantId, username]);
    return row ? fromRow(row) : null;
  }

  /** In `user_id` order. */
  async list(tenantId: string, { after, email, username, limit }: UserListFilter): Promise<User[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM users
       WHERE tenant_id = $1 AND ($2::uuid IS NULL OR user_id > $2)
         AND ($3::text IS NULL OR lower(email) = lower($3)) AND ($4::text IS NULL OR lower(username) = lower($4))
       ORDER BY user_id LIMIT $5`,
      [tenantId, after ?? null, email ?? null, username ?? null, limit],
    );
    return rows.map((row) => fromRow<User>(row));
  }

  /**
   * A new `passwordHash` also sets `credentialsChangedAt` to now, by this process's clock (the
   * clock that stamps sign-ins and tokens it is compared with): whoever writes a password moves the epoch.
   */
  async update(tenantId: string, userId: string, changes: Partial<Pick<UserWithPassword, 'username' | 'email' | 'claims' | 'passwordHash'>>): Promise<boolean> {
    const epoch = changes.passwordHash !== undefined ? { credentialsChangedAt: new Date() } : {};
    const set = setColumns({ ...changes, ...epoch }, 3);
    const sql = `UPDATE users SET ${set.sql ? `${set.sql}, ` : ''}updated_at = now() WHERE tenant_id = $1 AND user_id = $2`;
    return (await this.db.execute(sql, [tenantId, userId, ...set.params])) > 0;
  }

  /**
   * Moves the users' credentials epoch to now (this process's clock, as `update` does), without a
   * new password: whatever was signed in or issued before stops being honoured, including a
   * sign-in still finishing while their sessions are ended.
   */
  async expireSignIns(tenantId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.db.execute('UPDATE users SET credentials_changed_at = $3, updated_at = now() WHERE tenant_id = $1 AND user_id = ANY($2::uuid[])', [
      tenantId,
      userIds,
      new Date(),
    ]);
  }

  async delete(tenantId: string, userId: string): Promise<boolean> {
    return (await this.db.execute('DELETE FROM users WHERE tenant_id = $1 AND user_id = $2', [tenantId, userId])) > 0;
  }
}
