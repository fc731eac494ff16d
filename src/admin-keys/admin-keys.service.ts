import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { Database } from '../database/database.js';
import { AdminKeysStore, type AdminKeyRow } from '../stores/admin-keys/admin-keys.store.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { hashToken } from '../common/crypto/token-hash.js';
import { ResourceNotFound, ValidationFailed } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/http/pagination.js';
import { TenantsStore } from '../stores/tenants/tenants.store.js';
import type { AdminKeyDto, AdminKeyWithSecretDto, CreateAdminKeyDto, ListAdminKeysQueryDto } from './dto/admin-key.dto.js';

/**
 * Admin API keys besides ADMIN_API_KEY. A key is 32 random bytes, so its SHA-256 is enough at
 * rest (a slow password hash protects guessable secrets; these are not), and lookups by hash
 * stay one index read per request.
 */
@Injectable()
export class AdminKeysService {
  constructor(
    private readonly keys: AdminKeysStore,
    private readonly db: Database,
    private readonly audit: AuditTrail,
    private readonly tenants: TenantsStore,
  ) {}

  async create(dto: CreateAdminKeyDto, actor: Actor): Promise<AdminKeyWithSecretDto> {
    const key = `pck_${randomBytes(32).toString('base64url')}`;
    return this.db.transaction(async () => {
      if (dto.issuer_id !== undefined) {
        // Locked, so the tenant cannot be deleted before its key commits.
        if (!(await this.tenants.lock(dto.issuer_id))) {
          throw new ValidationFailed([{ field: 'issuer_id', message: `tenant '${dto.issuer_id}' does not exist` }]);
        }
      }
      const created = toDto(await this.keys.insert({ name: dto.name, issuerId: dto.issuer_id ?? null, digest: hashToken(key), prefix: key.slice(0, 8) }));
      await this.audit.record(actor, {
        action: 'admin_key.created',
        issuerId: created.issuer_id,
        resourceType: 'admin_key',
        resourceId: created.id,
        after: created,
      });
      return { ...created, key };
    });
  }

  async list(query: ListAdminKeysQueryDto): Promise<Page<AdminKeyDto>> {
    const after = decodeCursor(query.cursor, (id) => isUUID(id));
    const rows = await this.keys.list({ issuerId: query.issuer_id, after, limit: query.limit + 1 });
    return toPage(rows, query.limit, (row) => row.id, toDto);
  }

  async get(id: string): Promise<AdminKeyDto> {
    const row = isUUID(id) ? await this.keys.find(id) : null;
    if (!row) throw new ResourceNotFound('admin key', id);
    return toDto(row);
  }

  /** Revokes the key: it stops working at once, on every replica (each request looks it up). */
  async revoke(id: string, actor: Actor): Promise<void> {
    if (!isUUID(id)) throw new ResourceNotFound('admin key', id);
    await this.db.transaction(async () => {
      const row = await this.keys.delete(id);
      if (!row) throw new ResourceNotFound('admin key', id);
      const before = toDto(row);
      await this.audit.record(actor, { action: 'admin_key.revoked', issuerId: before.issuer_id, resourceType: 'admin_key', resourceId: id, before });
    });
  }
}

function toDto(row: AdminKeyRow): AdminKeyDto {
  return { id: row.id, name: row.name, issuer_id: row.issuer_id, key_prefix: row.key_prefix, created_at: row.created_at.toISOString() };
}
