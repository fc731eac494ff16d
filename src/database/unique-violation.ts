import { QueryFailedError } from 'typeorm';

/** PostgreSQL's `unique_violation` (SQLSTATE 23505): the row already exists. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
