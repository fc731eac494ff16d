import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import { Client } from './client.js';

export interface ClientListFilter {
  after?: string;
  clientName?: string;
  limit: number;
}

/** The only code that reads or writes `clients`. Every query names its tenant. */
export abstract class ClientsRepository {
  abstract insert(manager: EntityManager, client: Omit<Client, 'createdAt' | 'updatedAt'>): Promise<Client>;
  abstract find(tenantId: string, clientId: string): Promise<Client | null>;
  /** With the sealed secret: for the provider's client lookups only. */
  abstract findWithSecret(tenantId: string, clientId: string): Promise<Client | null>;
  /** In `client_id` order. */
  abstract list(tenantId: string, filter: ClientListFilter): Promise<Client[]>;
  abstract update(manager: EntityManager, tenantId: string, clientId: string, changes: Partial<Pick<Client, 'clientName' | 'metadata' | 'clientSecret'>>): Promise<boolean>;
  abstract delete(manager: EntityManager, tenantId: string, clientId: string): Promise<boolean>;
}

@Injectable()
export class TypeOrmClientsRepository extends ClientsRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private clients(manager: EntityManager = this.dataSource.manager): Repository<Client> {
    return manager.getRepository(Client);
  }

  async insert(manager: EntityManager, client: Omit<Client, 'createdAt' | 'updatedAt'>): Promise<Client> {
    const entity = this.clients(manager).create(client);
    await this.clients(manager).insert(entity as never);
    return entity;
  }

  find(tenantId: string, clientId: string): Promise<Client | null> {
    return this.clients().findOneBy({ tenantId, clientId });
  }

  findWithSecret(tenantId: string, clientId: string): Promise<Client | null> {
    return this.clients()
      .createQueryBuilder('c')
      .addSelect('c.clientSecret')
      .where('c.tenant_id = :tenantId AND c.client_id = :clientId', { tenantId, clientId })
      .getOne();
  }

  list(tenantId: string, { after, clientName, limit }: ClientListFilter): Promise<Client[]> {
    const where: FindOptionsWhere<Client> = { tenantId };
    if (after !== undefined) where.clientId = MoreThan(after);
    if (clientName !== undefined) where.clientName = clientName;
    return this.clients().find({ where, order: { clientId: 'ASC' }, take: limit });
  }

  async update(
    manager: EntityManager,
    tenantId: string,
    clientId: string,
    changes: Partial<Pick<Client, 'clientName' | 'metadata' | 'clientSecret'>>,
  ): Promise<boolean> {
    return ((await this.clients(manager).update({ tenantId, clientId }, changes as never)).affected ?? 0) > 0;
  }

  async delete(manager: EntityManager, tenantId: string, clientId: string): Promise<boolean> {
    const result = await this.clients(manager).delete({ tenantId, clientId });
    return (result.affected ?? 0) > 0;
  }
}
