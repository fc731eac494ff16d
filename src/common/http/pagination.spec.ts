import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../errors/app-error.js';
import { decodeCursor, encodeCursor, toPage } from './pagination.js';

describe('cursor pagination', () => {
  it('round-trips a key through an opaque cursor', () => {
    const cursor = encodeCursor('acme-prod');
    expect(cursor).not.toContain('acme');
    expect(decodeCursor(cursor)).toBe('acme-prod');
  });

  it.each(['garbage', encodeCursor('x').slice(2), Buffer.from('{"k":1}').toString('base64url')])('refuses the cursor %j with a 422 on `cursor`', (cursor) => {
    const error = (() => {
      try {
        decodeCursor(cursor);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).details).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });

  it('uses the extra row only to tell there is a next page', () => {
    const page = toPage(
      ['a', 'b', 'c'],
      2,
      (row) => row,
      (row) => row.toUpperCase(),
    );
    expect(page).toEqual({ items: ['A', 'B'], next_cursor: encodeCursor('b') });
    expect(
      toPage(
        ['a', 'b'],
        2,
        (r) => r,
        (r) => r,
      ),
    ).toEqual({ items: ['a', 'b'], next_cursor: null });
  });
});
