import { sealedKeyIdSql } from '../common/crypto/secret-box.js';
import type { Database } from '../database/database.js';

/** What one re-encryption batch did: values sealed again under the sealing key, and values that would not open. */
export interface Resealed {
  resealed: number;
  failed: number;
}

/** A batch of sealed values to move to the sealing key-encryption key: how a store finds, re-seals and writes back its rows. */
export interface ResealSpec<Row> {
  /** Selects the rows (with a `sealed` column), locking them: `… FOR UPDATE SKIP LOCKED`. */
  select: string;
  params: unknown[];
  /** The row's new values (its value sealed under the sealing key, and what depends on the key); throws when it does not open. */
  reseal: (row: Row) => Array<string | null>;
  /** Updates from parallel arrays: the row's key columns as `$1…$n`, then its new values. */
  update: string;
  /** The row's key columns, in the order of `update`'s arrays. */
  columns: (row: Row) => string[];
}

/**
 * One batch, in one transaction: the rows are locked while they are re-sealed, so a concurrent
 * write to one of them (a secret rotated meanwhile) waits and then wins, and is never overwritten
 * with the older value. All rows go back in one statement.
 */
export function resealRows<Row>(db: Database, spec: ResealSpec<Row>): Promise<Resealed> {
  return db.transaction(async () => {
    const rows = await db.query<Row>(spec.select, spec.params);
    const columns: Array<Array<string | null>> = [];
    let failed = 0;
    for (const row of rows) {
      try {
        [...spec.columns(row), ...spec.reseal(row)].forEach((value, index) => (columns[index] ??= []).push(value));
      } catch {
        failed += 1;
      }
    }
    if (rows.length > failed) await db.execute(spec.update, columns);
    return { resealed: rows.length - failed, failed };
  });
}

/**
 * The start check's probe: one row (`columns`, with `sealed` and `key_id`) of `table` per
 * key-encryption key id that seals its `column`. A loose index scan over the key-id index (see
 * migration IndexSealingKeyIds): each step takes the first row whose key id is above the last
 * one's, in index order, so the probe reads a row or two per key id however many rows the table
 * holds. (A DISTINCT over the table read and sorted every row, on every start.)
 */
export function oneRowPerSealingKeySql(table: string, column: string, columns: string): string {
  const keyId = sealedKeyIdSql(column);
  const first = (after: string) => `SELECT ${keyId} AS key_id, ${columns}, ${column} AS sealed FROM ${table} WHERE ${keyId} ${after} ORDER BY ${keyId} LIMIT 1`;
  return `WITH RECURSIVE probe AS (
      (${first('IS NOT NULL')})
      UNION ALL
      SELECT next.* FROM probe CROSS JOIN LATERAL (${first('> probe.key_id')}) next
    )
    SELECT * FROM probe`;
}

/**
 * Runs a probe from `oneRowPerSealingKeySql` and opens each row's value with `open`. A wrong
 * key fails on every row it sealed, so one row tells for its key. Returns the ids whose row did
 * not open, or that this process lacks.
 */
export async function keyIdsThatDoNotOpen<Row extends { key_id: string; sealed: string }>(
  db: Database,
  sql: string,
  open: (row: Row) => unknown,
): Promise<string[]> {
  const rows = await db.query<Row>(sql);
  return rows
    .filter((row) => {
      try {
        open(row);
        return false;
      } catch {
        return true;
      }
    })
    .map((row) => row.key_id);
}
