import { Injectable } from '@nestjs/common';
import { UsersService } from '../accounts/users.service.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { ClientsService } from '../clients/clients.service.js';
import { AppError, ValidationFailed, type FieldProblem } from '../common/errors/app-error.js';
import type { Page } from '../common/http/pagination.js';
import type { SigningAlg } from '../stores/tenants/tenant.js';
import { Database } from '../database/database.js';
import type { SignInPolicyViewDto } from '../tenancy/dto/sign-in-policy.dto.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import { EXPORT_FORMAT, type TenantExportDto, type TenantImportResultDto } from './dto/tenant-export.dto.js';

/** Every item of a paginated admin list, page by page. */
async function all<T>(list: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return items;
}

/** The first duplicate value of `key` in `items`, as a 422 detail. */
function duplicates<T>(items: T[], key: keyof T & string, list: string, normalise = (value: string) => value): FieldProblem[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    const value = normalise(String(item[key]));
    if (!seen.has(value)) return (seen.add(value), []);
    return [{ field: `${list}[${index}].${key}`, message: `repeats ${value}` }];
  });
}

/**
 * Moves a tenant between deployments (or names): export its configuration, clients and users
 * without secrets; import re-creates them through the same services as the admin API, with
 * new signing keys and new client secrets, keeping client_ids and user_ids.
 */
const withoutSince = ({ enrollment_required_since: _since, ...policy }: SignInPolicyViewDto) => policy;

@Injectable()
export class TenantTransferService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly clients: ClientsService,
    private readonly users: UsersService,
    private readonly db: Database,
  ) {}

  async export(issuerId: string): Promise<TenantExportDto> {
    const tenant = await this.tenants.get(issuerId);
    const clients = await all((cursor) => this.clients.list(issuerId, { limit: 200, cursor }));
    const users = await all((cursor) => this.users.list(issuerId, { limit: 200, cursor }));
    const { issuer: _issuer, created_at: _c, updated_at: _u, ...options } = tenant;
    return {
      format: EXPORT_FORMAT,
      exported_at: new Date().toISOString(),
      // The grace period's start is the tenant's own history: the imported tenant starts its own.
      tenant: { ...options, signing_alg: options.signing_alg as SigningAlg, sign_in_policy: withoutSince(options.sign_in_policy) },
      clients: clients.map(({ client_id_issued_at: _i, created_at: _cc, updated_at: _uc, ...client }) => client),
      users: users.map(({ created_at: _cu, updated_at: _uu, ...user }) => user),
    };
  }

  /**
   * Creates the tenant, then its clients and users, in one transaction: a client or user the
   * new tenant refuses rolls the whole import back (nothing of it was ever visible) and is
   * named in the 422.
   */
  async import(document: TenantExportDto, actor: Actor): Promise<TenantImportResultDto> {
    const repeated = [
      ...duplicates(document.clients, 'client_id', 'clients'),
      ...duplicates(document.users, 'user_id', 'users'),
      ...duplicates(document.users, 'username', 'users', (username) => username.toLowerCase()),
    ];
    if (repeated.length > 0) throw new ValidationFailed(repeated);

    return this.db.transaction(async () => {
      const tenant = await this.tenants.create(document.tenant, actor);
      const issuerId = tenant.issuer_id;
      // The new tenant's client rules, judged once for every client it imports.
      const rules = await this.clients.rulesOf(issuerId);
      const clients = [];
      for (const [index, { client_id, ...metadata }] of document.clients.entries()) {
        clients.push(await itemOf(`clients[${index}]`, () => this.clients.create(issuerId, metadata, actor, { clientId: client_id, rules })));
      }
      const users = [];
      for (const [index, user] of document.users.entries()) {
        users.push(await itemOf(`users[${index}]`, () => this.users.restore(issuerId, user, actor)));
      }
      return { tenant, clients, users };
    });
  }
}

/** Runs one item's creation; its refusal becomes a 422 naming the item. */
async function itemOf<T>(path: string, create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (error instanceof ValidationFailed) throw new ValidationFailed((error.details ?? []).map((detail) => ({ ...detail, field: `${path}.${detail.field}` })));
    if (error instanceof AppError && error.status === 409) throw new ValidationFailed([{ field: path, message: error.message }]);
    throw error;
  }
}
