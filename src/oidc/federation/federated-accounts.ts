import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { databaseErrorKind } from '../../database/database-errors.js';
import type { Actor } from '../../stores/audit-events/actor.js';
import { AuditTrail } from '../../stores/audit-events/audit-trail.store.js';
import type { Connection } from '../../stores/connections/connection.js';
import { UserLinksStore } from '../../stores/connections/user-links.store.js';
import type { SignInPolicy } from '../../stores/tenants/sign-in-policy.js';
import type { User } from '../../stores/users/user.js';
import { UsersStore } from '../../stores/users/users.store.js';
import { mapClaims, type MappedClaims } from './claim-mapping.js';

/** How the account was found: by its link, linked now to a local account by verified email, or created. */
export type AccountOutcome = 'existing' | 'linked' | 'created';

/**
 * A JIT user's username: the connection's name and a digest of the upstream `sub`. Unique per
 * connection, within the username alphabet, and never a name a person chose, so a new upstream
 * user can take no local user's name. The upstream's own name is in `preferred_username`.
 */
const usernameFor = (connection: Connection, subject: string) =>
  `${connection.name}.${createHash('sha256')
    .update(subject)
    .digest('base64url')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 22)}`;

/**
 * The account an upstream sign-in is for: the user linked to (connection, upstream `sub`),
 * refreshed with the claims the upstream sent; else, when the tenant allows it and the upstream
 * asserts the email verified, the one local user with that email, linked now; else a new user
 * (just-in-time), linked. Audited as `login.federated` with the connection (and `user.created`).
 */
@Injectable()
export class FederatedAccounts {
  constructor(
    private readonly db: Database,
    private readonly users: UsersStore,
    private readonly links: UserLinksStore,
    private readonly audit: AuditTrail,
  ) {}

  async signIn(
    policy: SignInPolicy,
    connection: Connection,
    upstream: Record<string, unknown> & { sub: string },
    ip: string,
  ): Promise<{ user: User; outcome: AccountOutcome }> {
    const mapped = mapClaims(upstream, connection.claimMapping);
    try {
      return await this.resolve(policy, connection, upstream.sub, mapped, ip);
    } catch (error) {
      // Two first sign-ins of one upstream user raced: the other made the link; this one uses it.
      if (databaseErrorKind(error) !== 'unique_violation') throw error;
      return this.resolve(policy, connection, upstream.sub, mapped, ip);
    }
  }

  private resolve(policy: SignInPolicy, connection: Connection, subject: string, mapped: MappedClaims, ip: string) {
    const { tenantId, connectionId } = connection;
    return this.db.transaction(async () => {
      let outcome: AccountOutcome = 'existing';
      let link = await this.links.findBySubject(tenantId, connectionId, subject);
      let user = link ? await this.users.find(tenantId, link.userId) : null;
      if (!user) {
        const local = await this.verifiedEmailMatch(policy, tenantId, mapped);
        outcome = local ? 'linked' : 'created';
        user = local ?? (await this.create(connection, subject, mapped, ip));
        link = await this.links.add(tenantId, { userId: user.userId, connectionId, subject, email: mapped.email });
      }
      // The upstream is where this user's profile lives: each sign-in brings what it says now.
      const claims = { ...user.claims, ...mapped.claims };
      await this.users.update(tenantId, user.userId, { claims, ...(mapped.email ? { email: mapped.email } : {}) });
      await this.links.signedIn(tenantId, link!.linkId, mapped.email);
      const actor: Actor = { type: 'end_user', id: user.userId, name: user.username, ip };
      await this.audit.record(actor, {
        action: 'login.federated',
        issuerId: tenantId,
        resourceType: 'user',
        resourceId: user.userId,
        after: { connection_id: connectionId, connection: connection.name, account: outcome },
      });
      return { user: { ...user, claims, email: mapped.email ?? user.email }, outcome };
    });
  }

  /** The one local user with the upstream's verified email, when the tenant links by email; none when two share it. */
  private async verifiedEmailMatch(policy: SignInPolicy, tenantId: string, mapped: MappedClaims): Promise<User | null> {
    if (!policy.linkVerifiedEmail || !mapped.email || mapped.claims.email_verified !== true) return null;
    const matches = await this.users.list(tenantId, { email: mapped.email, limit: 2 });
    return matches.length === 1 ? matches[0] : null;
  }

  private async create(connection: Connection, subject: string, mapped: MappedClaims, ip: string): Promise<User> {
    const user = await this.users.insert({
      tenantId: connection.tenantId,
      userId: randomUUID(),
      username: usernameFor(connection, subject),
      email: mapped.email,
      claims: mapped.claims,
      passwordHash: null,
    });
    const actor: Actor = { type: 'end_user', id: user.userId, name: user.username, ip };
    await this.audit.record(actor, {
      action: 'user.created',
      issuerId: connection.tenantId,
      resourceType: 'user',
      resourceId: user.userId,
      after: { username: user.username, connection_id: connection.connectionId },
    });
    return user;
  }
}
