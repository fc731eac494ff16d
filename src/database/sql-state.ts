import pg from 'pg';
import { QueryFailedError } from 'typeorm';

/**
 * The PostgreSQL error behind `error`, whichever way the query went: TypeORM wraps the
 * driver's error in a QueryFailedError (`driverError`), while the protocol state goes through
 * the raw `pg` pool, which throws the driver's `DatabaseError` itself. Every classification
 * of database errors starts here, so both paths are judged alike.
 */
export function driverErrorOf(error: unknown): unknown {
  return error instanceof QueryFailedError ? error.driverError : error;
}

/** The SQLSTATE of a PostgreSQL error (`22021`, `23505`, …), or undefined for anything else. */
export function sqlStateOf(error: unknown): string | undefined {
  const cause = driverErrorOf(error);
  return cause instanceof pg.DatabaseError ? cause.code : undefined;
}

/** Whether `error` is a database error of either path (and so may carry values in `detail`). */
export const isDatabaseError = (error: unknown): boolean => error instanceof QueryFailedError || error instanceof pg.DatabaseError;
