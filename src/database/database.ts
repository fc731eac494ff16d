import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/** A transaction in progress: its connection, and what is to run once it has committed. */
interface OpenTransaction {
  client: pg.PoolClient;
  afterCommit: Array<() => void>;
}

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

  constructor(dataSource: DataSource) {
    this.driver = dataSource.driver as PostgresDriver;
  }

  /** The rows of one statement. */
  async query<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.run<Row>(sql, params)).rows;
  }

  /** The number of rows one statement inserted, updated or deleted. */
  async execute(sql: string, params: unknown[] = []): Promise<number> {
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
    try {
      await client.query('BEGIN');
      const result = await this.open.run(transaction, work);
      await client.query('COMMIT');
      for (const hook of transaction.afterCommit) hook();
      return result;
    } catch (error) {
      // A connection that cannot even roll back is dropped from the pool, not reused.
      await client.query('ROLLBACK').then(
        () => release(),
        (rollbackError: Error) => release(rollbackError),
      );
      throw error;
    } finally {
      release();
    }
  }

  /** Runs `hook` once the current transaction has committed (never if it rolls back); at once outside one. */
  afterCommit(hook: () => void): void {
    const transaction = this.open.getStore();
    if (transaction) transaction.afterCommit.push(hook);
    else hook();
  }

  private async run<Row>(sql: string, params: unknown[]): Promise<Outcome<Row>> {
    const transaction = this.open.getStore();
    if (transaction) return outcome(await transaction.client.query(sql, params));
    const { client, release } = await this.connect();
    try {
      const result = outcome<Row>(await client.query(sql, params));
      release();
      return result;
    } catch (error) {
      // PostgreSQL's own errors (they carry an SQLSTATE) leave the connection usable.
      release((error as { code?: unknown }).code ? undefined : (error as Error));
      throw error;
    }
  }

  /**
   * A pooled connection, watched while it is out of the pool: a connection that fails between
   * statements (the server went away) emits an error that would otherwise crash the process,
   * and is destroyed on release instead of going back to the pool. `release` may be called
   * more than once; only the first counts.
   */
  private async connect(): Promise<{ client: pg.PoolClient; release: (error?: Error) => void }> {
    const [client, giveBack] = (await this.driver.obtainMasterConnection()) as [pg.PoolClient, (error?: Error) => void];
    let failure: Error | undefined;
    let released = false;
    const onError = (error: Error) => (failure = error);
    client.on('error', onError);
    return {
      client,
      release: (error?: Error) => {
        if (released) return;
        released = true;
        client.off('error', onError);
        giveBack(error ?? failure);
      },
    };
  }
}

const outcome = <Row>(result: pg.QueryResult): Outcome<Row> => ({ rows: result.rows as Row[], count: result.rowCount ?? 0 });
