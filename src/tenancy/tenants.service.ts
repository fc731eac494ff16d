import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ResourceConflict, ResourceNotFound, assertFound } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/http/pagination.js';
import { databaseErrorKind } from '../database/database-errors.js';
import type { CreateTenantDto } from './dto/create-tenant.dto.js';
import type { ListTenantsQueryDto } from './dto/list-tenants-query.dto.js';
import type { TenantOptionsDto } from './dto/tenant-options.dto.js';
import type { TenantDto } from './dto/tenant.dto.js';
import type { UpdateTenantDto } from './dto/update-tenant.dto.js';
import { TenantChanges } from '../stores/tenants/tenant-changes.js';
import { KeysService } from '../keys/keys.service.js';
import { ClientsStore } from '../stores/clients/clients.store.js';
import { ValidationFailed, type FieldProblem } from '../common/errors/app-error.js';
import { enrollmentDemanded, SECOND_FACTORS, SIGN_IN_POLICY_DEFAULTS, type SignInPolicy } from '../stores/tenants/sign-in-policy.js';
import type { SignInPolicyDto, SignInPolicyViewDto } from './dto/sign-in-policy.dto.js';
import { TENANT_OPTION_DEFAULTS, type Tenant } from '../stores/tenants/tenant.js';
import { definedOnly, TenantsStore, type LockedTenant, type TenantOptions } from '../stores/tenants/tenants.store.js';

/** The options a create or update body names, as tenant fields; those it does not name are undefined. */
const optionsOf = (dto: TenantOptionsDto): Partial<TenantOptions> => ({
  keyRotationDays: dto.key_rotation_days,
  accessTokenTtl: dto.access_token_ttl,
  idTokenTtl: dto.id_token_ttl,
  refreshTokenTtl: dto.refresh_token_ttl,
  grantTypes: dto.grant_types,
  logoUrl: dto.logo_url,
  brandColor: dto.brand_color,
  requirePkceForAllClients: dto.require_pkce_for_all_clients,
  registration: dto.registration,
});

/**
 * `current` with the members `dto` names, checked as a whole (422 naming the member at fault),
 * with the grace period restarting when enrollment becomes required and ending when it stops being.
 */
export function signInPolicyWith(current: SignInPolicy, dto: SignInPolicyDto): SignInPolicy {
  const next: SignInPolicy = {
    ...current,
    ...definedOnly({
      factors: dto.factors,
      secondFactor: dto.second_factor,
      enrollmentRequired: dto.enrollment_required,
      enrollmentGraceDays: dto.enrollment_grace_days,
      linkVerifiedEmail: dto.link_verified_email,
    }),
  };
  const problems: FieldProblem[] = [];
  if (!next.factors.includes('password') && !next.factors.includes('passkey'))
    problems.push({ field: 'sign_in_policy.factors', message: 'sign_in_policy.factors must include password or passkey' });
  if (enrollmentDemanded(next) && !next.factors.some((factor) => SECOND_FACTORS.includes(factor)))
    problems.push({
      field: 'sign_in_policy.factors',
      message: `sign_in_policy.factors must include one of ${SECOND_FACTORS.join(', ')} when a second factor or enrollment is required`,
    });
  if (problems.length > 0) throw new ValidationFailed(problems);
  const since = enrollmentDemanded(next) ? ((enrollmentDemanded(current) ? current.enrollmentRequiredSince : null) ?? new Date().toISOString()) : null;
  return { ...next, enrollmentRequiredSince: since };
}

const signInPolicyDto = (policy: SignInPolicy): SignInPolicyViewDto => ({
  factors: policy.factors,
  second_factor: policy.secondFactor,
  enrollment_required: policy.enrollmentRequired,
  enrollment_grace_days: policy.enrollmentGraceDays,
  enrollment_required_since: policy.enrollmentRequiredSince,
  link_verified_email: policy.linkVerifiedEmail,
});

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: TenantsStore,
    private readonly clients: ClientsStore,
    private readonly changes: TenantChanges,
    private readonly keys: KeysService,
    private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(dto: CreateTenantDto, actor: Actor): Promise<TenantDto> {
    const signingAlg = dto.signing_alg ?? 'RS256';
    // Key generation is slow (RSA): done before the transaction, so no lock waits on it.
    const keys = await this.keys.generateInitial(signingAlg);
    try {
      const tenant = await this.changes.apply(dto.issuer_id, async () => {
        const created = await this.tenants.insert({
          issuerId: dto.issuer_id,
          displayName: dto.display_name ?? dto.issuer_id,
          enabled: dto.enabled ?? true,
          signingAlg,
          ...TENANT_OPTION_DEFAULTS,
          ...definedOnly(optionsOf(dto)),
          signInPolicy: signInPolicyWith(SIGN_IN_POLICY_DEFAULTS, dto.sign_in_policy ?? {}),
        });
        await this.keys.storeInitial(dto.issuer_id, keys);
        await this.audit.record(actor, {
          action: 'tenant.created',
          issuerId: dto.issuer_id,
          resourceType: 'tenant',
          resourceId: dto.issuer_id,
          after: this.toDto(created),
        });
        return created;
      });
      return this.toDto(tenant);
    } catch (error) {
      if (databaseErrorKind(error) === 'unique_violation') throw new ResourceConflict(`tenant '${dto.issuer_id}' already exists`);
      throw error;
    }
  }

  async list(query: ListTenantsQueryDto): Promise<Page<TenantDto>> {
    const rows = await this.tenants.list({ after: decodeCursor(query.cursor), enabled: query.enabled, limit: query.limit + 1 });
    return toPage(
      rows,
      query.limit,
      (tenant) => tenant.issuerId,
      (tenant) => this.toDto(tenant),
    );
  }

  async get(issuerId: string): Promise<TenantDto> {
    return this.toDto(await this.find(issuerId));
  }

  /**
   * Locks the tenant's row until the current transaction ends (or `ResourceNotFound`): a
   * client registered with a grant and the withdrawal of that grant cannot both commit.
   */
  async lock(issuerId: string): Promise<LockedTenant> {
    return assertFound(await this.tenants.lock(issuerId), 'tenant', issuerId);
  }

  /** The tenant, or `ResourceNotFound`: for the modules that hang resources off a tenant. */
  async find(issuerId: string): Promise<Tenant> {
    return assertFound(await this.tenants.find(issuerId), 'tenant', issuerId);
  }

  async update(issuerId: string, dto: UpdateTenantDto, actor: Actor): Promise<TenantDto> {
    const before = await this.get(issuerId);
    // Nothing to change: no event, no new version (which would rebuild the issuer's provider).
    if (Object.values(dto).every((value) => value === undefined)) return before;
    const tenant = await this.changes.apply(issuerId, async () => {
      // Locked: a client registered with a grant and the withdrawal of that grant cannot both commit.
      const { grantTypes: current } = await this.lock(issuerId);
      if (dto.grant_types)
        await this.assertGrantsUnused(
          issuerId,
          current.filter((grant) => !dto.grant_types!.includes(grant)),
        );
      const signInPolicy = dto.sign_in_policy && signInPolicyWith((await this.find(issuerId)).signInPolicy, dto.sign_in_policy);
      const updated = await this.tenants.update(issuerId, { displayName: dto.display_name, enabled: dto.enabled, ...optionsOf(dto), signInPolicy });
      if (updated)
        await this.audit.record(actor, {
          action: 'tenant.updated',
          issuerId,
          resourceType: 'tenant',
          resourceId: issuerId,
          before,
          after: this.toDto(updated),
        });
      return updated;
    });
    return this.toDto(assertFound(tenant, 'tenant', issuerId));
  }

  /** Deletes the tenant; its keys, clients, users, admin keys, grants and sessions go with it (ON DELETE CASCADE). */
  async remove(issuerId: string, actor: Actor): Promise<void> {
    const before = await this.get(issuerId);
    const deleted = await this.changes.apply(issuerId, async () => {
      const gone = await this.tenants.delete(issuerId);
      if (gone) await this.audit.record(actor, { action: 'tenant.deleted', issuerId, resourceType: 'tenant', resourceId: issuerId, before });
      return gone;
    });
    if (!deleted) throw new ResourceNotFound('tenant', issuerId);
  }

  /** A grant type cannot be withdrawn while clients are registered with it: they would stop working unannounced. */
  private async assertGrantsUnused(issuerId: string, withdrawn: string[]): Promise<void> {
    if (withdrawn.length === 0) return;
    const users = await this.clients.usingGrants(issuerId, withdrawn);
    if (users.length > 0) throw new ResourceConflict(`clients ${users.join(', ')} use ${withdrawn.join(', ')}; change them first`);
  }

  private toDto(tenant: Tenant): TenantDto {
    return {
      issuer_id: tenant.issuerId,
      issuer: `${this.config.publicUrl}/${tenant.issuerId}`,
      display_name: tenant.displayName,
      enabled: tenant.enabled,
      signing_alg: tenant.signingAlg,
      key_rotation_days: tenant.keyRotationDays,
      access_token_ttl: tenant.accessTokenTtl,
      id_token_ttl: tenant.idTokenTtl,
      refresh_token_ttl: tenant.refreshTokenTtl,
      grant_types: tenant.grantTypes,
      logo_url: tenant.logoUrl,
      brand_color: tenant.brandColor,
      require_pkce_for_all_clients: tenant.requirePkceForAllClients,
      registration: tenant.registration,
      sign_in_policy: signInPolicyDto(tenant.signInPolicy),
      created_at: tenant.createdAt.toISOString(),
      updated_at: tenant.updatedAt.toISOString(),
    };
  }
}
