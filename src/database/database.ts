import { Inject, Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** A transaction in progress: its connection, and what is to run once it has committed. */
interface OpenTransaction {
  client: pg.PoolClient;
  afterCommit: Array<() => void>;
}

/** A pooled connection while it is out, and how to give it back (with the error that broke it, to drop it). */
interface Lease {
  client: pg.PoolClient;
  release: (error?: Error) => void;
}

/**
 * A statement the server parses and plans once per connection and then runs by name: for the
 * engine's hot statements, which would otherwise be parsed again on every call. Only for
 * statements naming their columns: a prepared `SELECT *` fails once a migration adds a column.
 */
export interface Prepared {
  name: string;
  text: string;
}

/** `text`, prepared under `name` (unique per statement text across the application). */
export const prepared = (name: string, text: string): Prepared => ({ name, text });

type Statement = string | Prepared;

const textOf = (statement: Statement) => (typeof statement === 'string' ? statement : statement.text);

/** A statement's outcome: its rows, and how many rows it touched (for UPDATE and DELETE). */
export interface Outcome<Row> {
  rows: Row[];
  count: number;
}

/**
 * The one way to the database: every store runs its SQL here, over the pool of the one
 * TypeORM DataSource (which also owns the migrations).
 *
 * Transactions compose: `transaction` opens one and keeps its connection in an
 * AsyncLocalStorage, so every statement any store runs from inside `work` (however deep the
 * calls go) joins it, and a nested `transaction` joins it rather than opening a second.
 * Outside a transaction each statement takes a pooled connection for itself.
 *
 * Plain `pg` rather than TypeORM's query runners: the engine's hot path runs a statement or
 * two per token, and a query runner costs 20–40% more CPU per statement than `pg` (measured
 * on this stack, see docs/architecture.md).
 */
@Injectable()
export class Database {
  private readonly open = new AsyncLocalStorage<OpenTransaction>();
  private readonly driver: PostgresDriver;
  /**
   * The embedded store serves every connection from one session, where a name prepared on one
   * connection clashes with the same name on the next: there, prepared statements run unnamed.
   */
  private readonly prepares: boolean;

  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.driver = dataSource.driver as PostgresDriver;
    this.prepares = config.databaseUrl !== undefined;
  }

  /** The rows of one statement. */
  async query<Row = Record<string, unknown>>(sql: Statement, params: unknown[] = []): Promise<Row[]> {
    return (await this.run<Row>(sql, params)).rows;
  }

  /** The number of rows one statement inserted, updated or deleted. */
  async execute(sql: Statement, params: unknown[] = []): Promise<number> {
    return (await this.run(sql, params)).count;
  }

  /**
   * Runs `work` in one transaction, committed when it resolves and rolled back when it throws;
   * inside another transaction, `work` joins that one (all or nothing together).
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.open.getStore()) return work();
    const { client, release } = await this.connect();
    const transaction: OpenTransaction = { client, afterCommit: [] };
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await this.open.run(transaction, work);
      await client.query('COMMIT');
      for (const hook of transaction.afterCommit) hook();
      return result;
    } catch (error) {
      // A connection that cannot even roll back is dropped from the pool, not reused.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      release(broken);
    }
  }

  /** Whether the caller runs inside a transaction (its statements join it). */
  get inTransaction(): boolean {
    return this.open.getStore() !== undefined;
  }

  /** Runs `hook` once the current transaction has committed (never if it rolls back); at once outside one. */
  afterCommit(hook: () => void): void {
    const transaction = this.open.getStore();
    if (transaction) transaction.afterCommit.push(hook);
    else hook();
  }

  private async run<Row>(statement: Statement, params: unknown[]): Promise<Outcome<Row>> {
    const sql = typeof statement === 'string' || !this.prepares ? { text: textOf(statement), values: params } : { ...statement, values: params };
    const transaction = this.open.getStore();
    if (transaction) return outcome(await transaction.client.query(sql));
    const { client, release } = await this.connect();
    let broken: Error | undefined;
    try {
      return outcome(await client.query(sql));
    } catch (error) {
      // PostgreSQL's errors end the statement and leave the connection usable, but for FATAL
      // ones (such as 57P01, terminated by an administrator): the server closes the connection.
      // The SQLSTATE classes say the same as the (translated) severity: 08 connection exceptions, 57P operator intervention.
      if (!(error instanceof pg.DatabaseError) || error.severity === 'FATAL' || error.severity === 'PANIC' || /^(08|57P)/.test(error.code ?? ''))
        broken = error as Error;
      throw error;
    } finally {
      release(broken);
    }
  }

  /**
   * A connection of the pool, watched while it is out: if it fails meanwhile (the server ends
   * it, the network drops) it goes back as broken, so the pool drops it. Unwatched, its
   * 'error' event would have no listener, which ends the process.
   */
  private async connect(): Promise<Lease> {
    const [client, release] = (await this.driver.obtainMasterConnection()) as [pg.PoolClient, (error?: Error) => void];
    let failed: Error | undefined;
    const onError = (error: Error) => (failed ??= error);
    client.on('error', onError);
    return {
      client,
      release: (error) => {
        client.off('error', onError);
        release(error ?? failed);
      },
    };
  }
}

const outcome = <Row>(result: pg.QueryResult): Outcome<Row> => ({ rows: result.rows as Row[], count: result.rowCount ?? 0 });
