import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { databaseErrorKind } from '../../database/database-errors.js';
import type { Actor } from '../../stores/audit-events/actor.js';
import { AuditTrail } from '../../stores/audit-events/audit-trail.store.js';
import type { Connection } from '../../stores/connections/connection.js';
import { UserLinksStore } from '../../stores/connections/user-links.store.js';
import { ConnectionsStore } from '../../stores/connections/connections.store.js';
import type { SignInPolicy } from '../../stores/tenants/sign-in-policy.js';
import type { User } from '../../stores/users/user.js';
import { UsersStore } from '../../stores/users/users.store.js';
import { emailDomain, mapClaims, type MappedClaims } from './claim-mapping.js';

/** How the account was found: by its link, linked now to a local account by verified email, or created. */
export type AccountOutcome = 'existing' | 'linked' | 'created';

/** The account, or why there is none: the email's domain belongs to another connection, the only way in for it. */
export type AccountResult = { ok: true; user: User; outcome: AccountOutcome } | { ok: false; onlyWayIn: Connection };

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
 * asserts the email verified, the one local user with that email (verified here too), linked now;
 * else a new user (just-in-time), linked. Audited as `login.federated` with the connection (and
 * `user.created`). An email of a domain another connection serves is never linked by, and when
 * that connection is exclusive, no account of this one may carry it: its users sign in there.
 */
@Injectable()
export class FederatedAccounts {
  constructor(
    private readonly db: Database,
    private readonly users: UsersStore,
    private readonly links: UserLinksStore,
    private readonly connections: ConnectionsStore,
    private readonly audit: AuditTrail,
  ) {}

  async signIn(policy: SignInPolicy, connection: Connection, upstream: Record<string, unknown> & { sub: string }, ip: string): Promise<AccountResult> {
    const mapped = mapClaims(upstream, connection.claimMapping);
    // The upstream's word on the email is this sign-in's: a new email without `email_verified` is not verified.
    if (mapped.email) mapped.claims.email_verified = mapped.claims.email_verified === true;
    const domain = mapped.email ? emailDomain(mapped.email) : undefined;
    const owner = domain ? await this.connections.forDomain(connection.tenantId, domain) : null;
    const elsewhere = owner && owner.connectionId !== connection.connectionId ? owner : null;
    if (elsewhere?.exclusive) return { ok: false, onlyWayIn: elsewhere };
    try {
      return await this.resolve(policy, connection, upstream.sub, mapped, ip, !elsewhere);
    } catch (error) {
      // Two first sign-ins of one upstream user raced: the other made the link; this one uses it.
      if (databaseErrorKind(error) !== 'unique_violation') throw error;
      return this.resolve(policy, connection, upstream.sub, mapped, ip, !elsewhere);
    }
  }

  private resolve(policy: SignInPolicy, connection: Connection, subject: string, mapped: MappedClaims, ip: string, mayLink: boolean): Promise<AccountResult> {
    const { tenantId, connectionId } = connection;
    return this.db.transaction(async () => {
      let outcome: AccountOutcome = 'existing';
      let link = await this.links.findBySubject(tenantId, connectionId, subject);
      let user = link ? await this.users.find(tenantId, link.userId) : null;
      if (!user) {
        const local = mayLink ? await this.verifiedEmailMatch(policy, connection, mapped) : null;
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
      return { ok: true as const, user: { ...user, claims, email: mapped.email ?? user.email }, outcome };
    });
  }

  /**
   * The one local user with the upstream's verified email, when the tenant links by email; none
   * when two share it, when the email is not verified here too (an account whose email no one
   * proved, made by anyone, must not receive the real owner's sign-ins), or when the user is
   * already linked to this connection as someone else.
   */
  private async verifiedEmailMatch(policy: SignInPolicy, connection: Connection, mapped: MappedClaims): Promise<User | null> {
    if (!policy.linkVerifiedEmail || !mapped.email || mapped.claims.email_verified !== true) return null;
    const matches = await this.users.list(connection.tenantId, { email: mapped.email, limit: 2 });
    const [user] = matches;
    if (matches.length !== 1 || user.claims.email_verified !== true) return null;
    const links = await this.links.listForUser(connection.tenantId, user.userId);
    return links.some((link) => link.connectionId === connection.connectionId) ? null : user;
  }

  private async create(connection: Connection, subject: string, mapped: MappedClaims, ip: string): Promise<User> {
    // Taken: by the account of this `sub` before the connection's issuer changed (its links went,
    // the user stayed), or by a local user named so. A suffix keeps the new one apart.
    let username = usernameFor(connection, subject);
    if ((await this.users.list(connection.tenantId, { username, limit: 1 })).length > 0) username = `${username}-${randomUUID().slice(0, 8)}`;
    const user = await this.users.insert({
      tenantId: connection.tenantId,
      userId: randomUUID(),
      username,
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
