import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { ResourceConflict, ResourceNotFound, assertFound } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/http/pagination.js';
import { classifyDatabaseError, databaseErrorKind } from '../database/database-errors.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import type { StandardClaims, User } from '../stores/users/user.js';
import { UsersStore } from '../stores/users/users.store.js';
import { OidcPayloadsStore } from '../stores/oidc-payloads/oidc-payloads.store.js';
import { Database } from '../database/database.js';
import type { CreateUserDto, ExportedUserDto, UpdateUserDto, UserDto } from './dto/user.dto.js';
import type { ListUsersQueryDto } from './dto/list-users-query.dto.js';
import { PasswordHasher } from '../oidc/sign-in/password-hasher.js';

/** The unique index on usernames (per tenant, whatever their case): the one duplicate a caller names. */
const USERNAME_INDEX = 'users_username';

/** The claims part of a DTO: everything but username, password and email, without absent or null members. */
function claimsOf(dto: Partial<CreateUserDto>): StandardClaims {
  const { username: _u, password: _p, email: _e, ...claims } = dto;
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined && value !== null));
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersStore,
    private readonly tenants: TenantsService,
    private readonly hasher: PasswordHasher,
    private readonly db: Database,
    private readonly audit: AuditTrail,
    private readonly payloads: OidcPayloadsStore,
  ) {}

  async create(issuerId: string, dto: CreateUserDto, actor: Actor): Promise<UserDto> {
    return this.insert(issuerId, randomUUID(), dto, await this.hasher.hash(dto.password), actor);
  }

  /** A user as exported elsewhere: same user_id (so `sub` claims stay valid), no password yet. */
  restore(issuerId: string, user: ExportedUserDto, actor: Actor): Promise<UserDto> {
    const { user_id: userId, ...profile } = user;
    return this.insert(issuerId, userId, profile, null, actor);
  }

  private async insert(issuerId: string, userId: string, dto: Omit<CreateUserDto, 'password'>, passwordHash: string | null, actor: Actor): Promise<UserDto> {
    await this.tenants.find(issuerId);
    try {
      return await this.db.transaction(async () => {
        const user = toDto(
          await this.users.insert({ tenantId: issuerId, userId, username: dto.username, passwordHash, email: dto.email ?? null, claims: claimsOf(dto) }),
        );
        await this.audit.record(actor, { action: 'user.created', issuerId, resourceType: 'user', resourceId: user.user_id, after: user });
        return user;
      });
    } catch (error) {
      const { kind, constraint } = classifyDatabaseError(error);
      if (kind === 'unique_violation')
        throw new ResourceConflict(constraint === USERNAME_INDEX ? `username '${dto.username}' is taken in this tenant` : `user '${userId}' already exists`);
      throw error;
    }
  }

  async list(issuerId: string, query: ListUsersQueryDto): Promise<Page<UserDto>> {
    await this.tenants.find(issuerId);
    const after = decodeCursor(query.cursor, (userId) => isUUID(userId));
    const rows = await this.users.list(issuerId, { after, email: query.email, username: query.username, limit: query.limit + 1 });
    return toPage(rows, query.limit, (user) => user.userId, toDto);
  }

  async get(issuerId: string, userId: string): Promise<UserDto> {
    return toDto(await this.find(issuerId, userId));
  }

  async update(issuerId: string, userId: string, dto: UpdateUserDto, actor: Actor): Promise<UserDto> {
    const current = await this.find(issuerId, userId);
    const merged = Object.fromEntries(
      Object.entries({ ...current.claims, ...dto }).filter(
        ([key, value]) => value !== null && value !== undefined && !['username', 'password', 'email'].includes(key),
      ),
    );
    try {
      const changes = {
        ...(dto.username !== undefined ? { username: dto.username } : {}),
        ...(dto.email !== undefined ? { email: dto.email ?? null } : {}),
        // A new password also moves the user's credentials epoch (the store sets it in this
        // transaction): what a request in flight writes back after the revocation below is refused.
        ...(dto.password !== undefined ? { passwordHash: await this.hasher.hash(dto.password) } : {}),
        claims: merged,
      };
      await this.db.transaction(async () => {
        if (!(await this.users.update(issuerId, userId, changes))) throw new ResourceNotFound('user', userId);
        const after = toDto({ ...current, ...changes, updatedAt: new Date() });
        // A new password shows as a changed credential, never as a hash.
        await this.audit.record(actor, {
          action: 'user.updated',
          issuerId,
          resourceType: 'user',
          resourceId: userId,
          before: toDto(current),
          after: dto.password === undefined ? after : { ...after, changed_credentials: ['password'] },
        });
        // A new password is the answer to a compromised account: what was signed in with the old one stops working now.
        if (dto.password !== undefined) await this.signOutEverywhere(issuerId, userId, actor, 'password_changed');
      });
    } catch (error) {
      if (databaseErrorKind(error) === 'unique_violation') throw new ResourceConflict(`username '${dto.username}' is taken in this tenant`);
      throw error;
    }
    return this.get(issuerId, userId);
  }

  async remove(issuerId: string, userId: string, actor: Actor): Promise<void> {
    const before = toDto(await this.find(issuerId, userId));
    await this.db.transaction(async () => {
      if (!(await this.users.delete(issuerId, userId))) throw new ResourceNotFound('user', userId);
      await this.signOutEverywhere(issuerId, userId, actor, 'user_deleted');
      await this.audit.record(actor, { action: 'user.deleted', issuerId, resourceType: 'user', resourceId: userId, before });
    });
  }

  /**
   * Ends the user's sessions and revokes their grants with every token and code, in the
   * caller's transaction, and records what went (no event when there was nothing). Deleting
   * the rows is the whole sign-out: providers keep no session or token state in memory, and
   * every token oidc-provider accepts needs its grant row.
   */
  private async signOutEverywhere(issuerId: string, userId: string, actor: Actor, reason: 'password_changed' | 'user_deleted'): Promise<void> {
    const revoked = await this.payloads.revokeAccount(issuerId, userId);
    if (Object.keys(revoked).length === 0) return;
    await this.audit.record(actor, { action: 'user.signed_out', issuerId, resourceType: 'user', resourceId: userId, after: { reason, revoked } });
  }

  private async find(issuerId: string, userId: string): Promise<User> {
    await this.tenants.find(issuerId);
    // Not a UUID: it cannot exist (and PostgreSQL would refuse the comparison).
    if (!isUUID(userId)) throw new ResourceNotFound('user', userId);
    return assertFound(await this.users.find(issuerId, userId), 'user', userId);
  }
}

function toDto(user: User): UserDto {
  return {
    user_id: user.userId,
    username: user.username,
    ...(user.email ? { email: user.email } : {}),
    ...(user.claims as Partial<UserDto>),
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
  };
}
