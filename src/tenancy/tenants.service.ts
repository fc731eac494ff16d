import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ResourceConflict, ResourceNotFound, assertFound } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/http/pagination.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import type { CreateTenantDto } from './dto/create-tenant.dto.js';
import type { ListTenantsQueryDto } from './dto/list-tenants-query.dto.js';
import type { TenantDto } from './dto/tenant.dto.js';
import type { UpdateTenantDto } from './dto/update-tenant.dto.js';
import type { Tenant } from './tenant.entity.js';
import { TenantsRepository } from './tenants.repository.js';

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: TenantsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(dto: CreateTenantDto): Promise<TenantDto> {
    try {
      const tenant = await this.tenants.insert({
        issuerId: dto.issuer_id,
        displayName: dto.display_name ?? dto.issuer_id,
        enabled: dto.enabled ?? true,
      });
      return this.toDto(tenant);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ResourceConflict(`tenant '${dto.issuer_id}' already exists`);
      throw error;
    }
  }

  async list(query: ListTenantsQueryDto): Promise<Page<TenantDto>> {
    const rows = await this.tenants.list({ after: decodeCursor(query.cursor), enabled: query.enabled, limit: query.limit + 1 });
    return toPage(rows, query.limit, (tenant) => tenant.issuerId, (tenant) => this.toDto(tenant));
  }

  async get(issuerId: string): Promise<TenantDto> {
    return this.toDto(assertFound(await this.tenants.findByIssuerId(issuerId), 'tenant', issuerId));
  }

  async update(issuerId: string, dto: UpdateTenantDto): Promise<TenantDto> {
    const tenant = await this.tenants.update(issuerId, { displayName: dto.display_name, enabled: dto.enabled });
    return this.toDto(assertFound(tenant, 'tenant', issuerId));
  }

  async remove(issuerId: string): Promise<void> {
    if (!(await this.tenants.delete(issuerId))) throw new ResourceNotFound('tenant', issuerId);
  }

  private toDto(tenant: Tenant): TenantDto {
    return {
      issuer_id: tenant.issuerId,
      issuer: `${this.config.publicUrl}/${tenant.issuerId}`,
      display_name: tenant.displayName,
      enabled: tenant.enabled,
      created_at: tenant.createdAt.toISOString(),
      updated_at: tenant.updatedAt.toISOString(),
    };
  }
}
