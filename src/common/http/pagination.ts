import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationFailed } from '../errors/app-error.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `?limit=&cursor=` of every admin list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, example: DEFAULT_PAGE_SIZE, description: 'Page size.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer between 1 and 200' })
  @Min(1, { message: '$property must be an integer between 1 and 200' })
  @Max(MAX_PAGE_SIZE, { message: '$property must be an integer between 1 and 200' })
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Opaque cursor: the `next_cursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/**
 * Cursors are opaque to clients: base64url of the last sort key seen, so a page boundary
 * stays stable while rows are added or removed before it (keyset pagination).
 */
export function encodeCursor(lastKey: string): string {
  return Buffer.from(JSON.stringify({ k: lastKey })).toString('base64url');
}

/** The last key a cursor names; `isKey` refuses one no page of this list could have given (a 422 like any undecodable cursor). */
export function decodeCursor(cursor: string | undefined, isKey: (key: string) => boolean = () => true): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const { k } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof k === 'string' && isKey(k)) return k;
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw new ValidationFailed([{ field: 'cursor', message: 'is not a cursor returned by this API' }]);
}

/** Builds a page from `limit + 1` rows fetched in key order: the extra row only says "there is more". */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => string, map: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const next = rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null;
  return { items: items.map(map), next_cursor: next };
}
