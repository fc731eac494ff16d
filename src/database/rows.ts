/**
 * Between table rows (snake_case columns) and the stores' records (camelCase members):
 * the whole of the mapping, so a store's SQL names columns and its records read like code.
 */

const toCamel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const toSnake = (member: string) => member.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * Column names already converted. Bounded by the schema (names come from the stores' SQL, never
 * from input); converting each name once matters because a page of 200 tenants maps thousands
 * of columns, and converting them per row was a quarter of the Node CPU such a page cost.
 */
const camelNames = new Map<string, string>();

function camelName(column: string): string {
  let name = camelNames.get(column);
  if (name === undefined) {
    name = toCamel(column);
    camelNames.set(column, name);
  }
  return name;
}

/** A row as a record: each column under its camelCase name. */
export function fromRow<T>(row: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const column of Object.keys(row)) record[camelName(column)] = row[column];
  return record as T;
}

/** A statement fragment and the parameters it numbers, from `$1` up. */
export interface Fragment {
  sql: string;
  params: unknown[];
}

/** `(col, …) VALUES ($1, …)` of a record's defined members. */
export function insertValues(record: object): Fragment {
  const entries = Object.entries(record as Record<string, unknown>).filter(([, value]) => value !== undefined);
  const columns = entries.map(([member]) => toSnake(member)).join(', ');
  const placeholders = entries.map((_, index) => `$${index + 1}`).join(', ');
  return { sql: `(${columns}) VALUES (${placeholders})`, params: entries.map(([, value]) => value) };
}

/**
 * `col = $n, …` of a change set's defined members (undefined: left as it is), numbered from
 * `$first`; empty when nothing is to change.
 */
export function setColumns(changes: object, first: number): Fragment {
  const entries = Object.entries(changes as Record<string, unknown>).filter(([, value]) => value !== undefined);
  return {
    sql: entries.map(([member], index) => `${toSnake(member)} = $${first + index}`).join(', '),
    params: entries.map(([, value]) => value),
  };
}
