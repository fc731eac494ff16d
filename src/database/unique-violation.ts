import { sqlStateOf } from './sql-state.js';

/** PostgreSQL's `unique_violation` (SQLSTATE 23505): the row already exists. */
export const isUniqueViolation = (error: unknown): boolean => sqlStateOf(error) === '23505';
