import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { fromRow } from '../../database/rows.js';
import type { UserLink } from './connection.js';

const COLUMNS = 'tenant_id, link_id, user_id, connection_id, subject, email, created_at, last_sign_in_at';

/** The only code that reads or writes `user_links`. Every query names its tenant. */
@Injectable()
export class UserLinksStore {
  constructor(private readonly db: Database) {}

  /** The link of the upstream identity `subject` at the connection: who it signs in as. */
  async findBySubject(tenantId: string, connectionId: string, subject: string): Promise<UserLink | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM user_links WHERE tenant_id = $1 AND connection_id = $2 AND subject = $3`, [
      tenantId,
      connectionId,
      subject,
    ]);
    return row ? fromRow<UserLink>(row) : null;
  }

  /** Links the upstream identity to the user; a second link of one identity throws the database's unique violation (a race lost). */
  async add(tenantId: string, link: { userId: string; connectionId: string; subject: string; email: string | null }): Promise<UserLink> {
    const [row] = await this.db.query(
      `INSERT INTO user_links (tenant_id, link_id, user_id, connection_id, subject, email) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [tenantId, randomUUID(), link.userId, link.connectionId, link.subject, link.email],
    );
    return fromRow<UserLink>(row);
  }

  /** Records a sign-in through the link, with the email the upstream asserted this time. */
  async signedIn(tenantId: string, linkId: string, email: string | null): Promise<void> {
    await this.db.execute('UPDATE user_links SET last_sign_in_at = now(), email = $3 WHERE tenant_id = $1 AND link_id = $2', [tenantId, linkId, email]);
  }

  /** Oldest first. */
  async listForUser(tenantId: string, userId: string): Promise<UserLink[]> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM user_links WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at, link_id`, [
      tenantId,
      userId,
    ]);
    return rows.map((row) => fromRow<UserLink>(row));
  }

  /** Whether the user had the link to remove. */
  async remove(tenantId: string, userId: string, linkId: string): Promise<boolean> {
    return (await this.db.execute('DELETE FROM user_links WHERE tenant_id = $1 AND user_id = $2 AND link_id = $3', [tenantId, userId, linkId])) > 0;
  }

  /** Deletes every link of the connection (its upstream changed: its `sub`s name no one any more); the users who were linked. */
  async removeAll(tenantId: string, connectionId: string): Promise<string[]> {
    const rows = await this.db.query<{ user_id: string }>('DELETE FROM user_links WHERE tenant_id = $1 AND connection_id = $2 RETURNING user_id', [
      tenantId,
      connectionId,
    ]);
    return [...new Set(rows.map((row) => row.user_id))].sort();
  }

  /** The users linked through the connection. */
  async userIdsOf(tenantId: string, connectionId: string): Promise<string[]> {
    const rows = await this.db.query<{ user_id: string }>(
      'SELECT DISTINCT user_id FROM user_links WHERE tenant_id = $1 AND connection_id = $2 ORDER BY user_id',
      [tenantId, connectionId],
    );
    return rows.map((row) => row.user_id);
  }
}
