import { Database, type Prepared } from '../../src/database/database.js';

/** A Database that remembers the SQL of each statement, to read its plan afterwards. */
export class RecordingDatabase extends Database {
  readonly statements: Array<{ sql: string; params: unknown[] }> = [];

  override query<Row = Record<string, unknown>>(sql: string | Prepared, params: unknown[] = []): Promise<Row[]> {
    this.statements.push({ sql: typeof sql === 'string' ? sql : sql.text, params });
    return super.query<Row>(sql, params);
  }

  /** The statements recorded while `work` ran. */
  async during(work: () => Promise<unknown>): Promise<Array<{ sql: string; params: unknown[] }>> {
    const from = this.statements.length;
    await work();
    return this.statements.slice(from);
  }
}

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Rows a statement read from `table`: what its plan's scans of it returned or filtered out (EXPLAIN ANALYZE). */
export async function rowsRead(db: Database, { sql, params }: { sql: string; params: unknown[] }, table: string): Promise<number> {
  const [
    {
      'QUERY PLAN': [plan],
    },
  ] = await db.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
  const sum = (node: PlanNode): number =>
    (node['Relation Name'] === table
      ? node['Actual Rows'] * node['Actual Loops'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)
      : 0) + (node.Plans ?? []).reduce((total, child) => total + sum(child), 0);
  return sum(plan.Plan);
}
