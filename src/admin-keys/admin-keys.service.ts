import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.js';
import { AdminKeyLookup, type AdminPrincipal } from '../common/auth/admin-principal.js';
import { hashToken } from '../common/crypto/token-hash.js';
import { ResourceNotFound, ValidationFailed } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/http/pagination.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import type { AdminKeyDto, AdminKeyWithSecretDto, CreateAdminKeyDto, ListAdminKeysQueryDto } from './dto/admin-key.dto.js';

interface AdminKeyRow {
  id: string;
  name: string;
  issuer_id: string | null;
  key_prefix: string;
  created_at: Date;
}

const COLUMNS = 'id, name, issuer_id, key_prefix, created_at';

/**
 * Admin API keys besides ADMIN_API_KEY. A key is 32 random bytes, so its SHA-256 is enough at
 * rest (a slow password hash protects guessable secrets; these are not), and lookups by hash
 * stay one index read per request.
 */
@Injectable()
export class AdminKeysService extends AdminKeyLookup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly tenants: TenantsService,
  ) {
    super();
  }

  async findByDigest(digest: string): Promise<AdminPrincipal | null> {
    const [row] = await this.dataSource.query(`SELECT id, name, issuer_id FROM admin_keys WHERE key_hash = decode($1, 'hex')`, [digest]);
    return row ? { id: row.id, name: row.name, issuerId: row.issuer_id } : null;
  }

  async create(dto: CreateAdminKeyDto, actor: Actor): Promise<AdminKeyWithSecretDto> {
    const key = `pck_${randomBytes(32).toString('base64url')}`;
    return this.dataSource.transaction(async (manager) => {
      if (dto.issuer_id !== undefined) {
        // Locked, so the tenant cannot be deleted before its key commits.
        await this.tenants.lock(dto.issuer_id, manager).catch((error: unknown) => {
          if (error instanceof ResourceNotFound) throw new ValidationFailed([{ field: 'issuer_id', message: `tenant '${dto.issuer_id}' does not exist` }]);
          throw error;
        });
      }
      const [row]: AdminKeyRow[] = await manager.query(
        `INSERT INTO admin_keys (id, name, issuer_id, key_hash, key_prefix) VALUES ($1, $2, $3, decode($4, 'hex'), $5) RETURNING ${COLUMNS}`,
        [randomUUID(), dto.name, dto.issuer_id ?? null, hashToken(key), key.slice(0, 8)],
      );
      const created = toDto(row);
      await this.audit.record(manager, actor, { action: 'admin_key.created', issuerId: created.issuer_id, resourceType: 'admin_key', resourceId: created.id, after: created });
      return { ...created, key };
    });
  }

  async list(query: ListAdminKeysQueryDto): Promise<Page<AdminKeyDto>> {
    const after = decodeCursor(query.cursor, (id) => isUUID(id));
    const rows: AdminKeyRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM admin_keys WHERE ($1::text IS NULL OR issuer_id = $1) AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [query.issuer_id ?? null, after ?? null, query.limit + 1],
    );
    return toPage(rows, query.limit, (row) => row.id, toDto);
  }

  async get(id: string): Promise<AdminKeyDto> {
    const [row]: AdminKeyRow[] = isUUID(id) ? await this.dataSource.query(`SELECT ${COLUMNS} FROM admin_keys WHERE id = $1`, [id]) : [];
    if (!row) throw new ResourceNotFound('admin key', id);
    return toDto(row);
  }

  /** Revokes the key: it stops working at once, on every replica (each request looks it up). */
  async revoke(id: string, actor: Actor): Promise<void> {
    if (!isUUID(id)) throw new ResourceNotFound('admin key', id);
    await this.dataSource.transaction(async (manager) => {
      const [rows]: [AdminKeyRow[], number] = await manager.query(`DELETE FROM admin_keys WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
      if (!rows[0]) throw new ResourceNotFound('admin key', id);
      const before = toDto(rows[0]);
      await this.audit.record(manager, actor, { action: 'admin_key.revoked', issuerId: before.issuer_id, resourceType: 'admin_key', resourceId: id, before });
    });
  }
}

function toDto(row: AdminKeyRow): AdminKeyDto {
  return { id: row.id, name: row.name, issuer_id: row.issuer_id, key_prefix: row.key_prefix, created_at: row.created_at.toISOString() };
}
