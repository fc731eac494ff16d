import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan, Raw, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import { Account } from './user.js';

export interface AccountListFilter {
  after?: string;
  email?: string;
  username?: string;
  limit: number;
}

/** The only code that reads or writes `users`. Every query names its tenant. */
export abstract class AccountsRepository {
  /** Writes take the manager of the caller's transaction, if any. */
  abstract insert(account: Omit<Account, 'createdAt' | 'updatedAt' | 'credentialsChangedAt'>, manager?: EntityManager): Promise<Account>;
  abstract find(tenantId: string, userId: string): Promise<Account | null>;
  /** With the password hash, by username (any case): for sign-in only. */
  abstract findForLogin(tenantId: string, username: string): Promise<Account | null>;
  /** In `user_id` order. */
  abstract list(tenantId: string, filter: AccountListFilter): Promise<Account[]>;
  /**
   * A new `passwordHash` also sets `credentialsChangedAt` to now, by this process's clock (the
   * clock that stamps sign-ins and tokens it is compared with): whoever writes a password moves the epoch.
   */
  abstract update(tenantId: string, userId: string, changes: Partial<Pick<Account, 'username' | 'email' | 'claims' | 'passwordHash'>>, manager?: EntityManager): Promise<boolean>;
  abstract delete(tenantId: string, userId: string, manager?: EntityManager): Promise<boolean>;
}

@Injectable()
export class TypeOrmAccountsRepository extends AccountsRepository {
  private readonly users: Repository<Account>;

  constructor(dataSource: DataSource) {
    super();
    this.users = dataSource.getRepository(Account);
  }

  private within(manager?: EntityManager): Repository<Account> {
    return manager ? manager.getRepository(Account) : this.users;
  }

  async insert(account: Omit<Account, 'createdAt' | 'updatedAt' | 'credentialsChangedAt'>, manager?: EntityManager): Promise<Account> {
    const entity = this.users.create(account);
    await this.within(manager).insert(entity as never);
    return entity;
  }

  find(tenantId: string, userId: string): Promise<Account | null> {
    return this.users.findOneBy({ tenantId, userId });
  }

  findForLogin(tenantId: string, username: string): Promise<Account | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.tenant_id = :tenantId AND lower(u.username) = lower(:username)', { tenantId, username })
      .getOne();
  }

  list(tenantId: string, { after, email, username, limit }: AccountListFilter): Promise<Account[]> {
    const where: FindOptionsWhere<Account> = { tenantId };
    if (after !== undefined) where.userId = MoreThan(after);
    if (email !== undefined) where.email = Raw((column) => `lower(${column}) = lower(:email)`, { email });
    if (username !== undefined) where.username = Raw((column) => `lower(${column}) = lower(:username)`, { username });
    return this.users.find({ where, order: { userId: 'ASC' }, take: limit });
  }

  async update(tenantId: string, userId: string, changes: Partial<Pick<Account, 'username' | 'email' | 'claims' | 'passwordHash'>>, manager?: EntityManager): Promise<boolean> {
    const epoch = changes.passwordHash !== undefined ? { credentialsChangedAt: new Date() } : {};
    return ((await this.within(manager).update({ tenantId, userId }, { ...changes, ...epoch } as never)).affected ?? 0) > 0;
  }

  async delete(tenantId: string, userId: string, manager?: EntityManager): Promise<boolean> {
    return ((await this.within(manager).delete({ tenantId, userId })).affected ?? 0) > 0;
  }
}
