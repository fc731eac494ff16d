import { describe, expect, it, vi } from 'vitest';
import { fromRow, insertValues, setColumns } from './rows.js';

describe('rows', () => {
  it('fromRow names every column in camelCase and keeps its value', () => {
    expect(fromRow({ issuer_id: 'a', key_rotation_days: 0, enabled: false })).toEqual({ issuerId: 'a', keyRotationDays: 0, enabled: false });
  });

  it('fromRow converts each column name once, however many rows it maps (a page of 200 tenants maps thousands of columns)', () => {
    const replace = vi.spyOn(String.prototype, 'replace');
    try {
      const rows = Array.from({ length: 1_000 }, (_, i) => ({ rows_spec_id: i, rows_spec_display_name: `n${i}` }));
      expect(rows.map((row) => fromRow<{ rowsSpecId: number }>(row).rowsSpecId)).toEqual(rows.map((row) => row.rows_spec_id));
      expect(replace.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      replace.mockRestore();
    }
  });

  it('insertValues numbers the defined members and keeps null (a value), not undefined (absent)', () => {
    expect(insertValues({ tenantId: 't', logoUrl: null, brandColor: undefined })).toEqual({
      sql: '(tenant_id, logo_url) VALUES ($1, $2)',
      params: ['t', null],
    });
  });

  it('setColumns numbers from the given parameter and leaves undefined members out', () => {
    expect(setColumns({ displayName: 'x', enabled: undefined, grantTypes: ['a'] }, 2)).toEqual({
      sql: 'display_name = $2, grant_types = $3',
      params: ['x', ['a']],
    });
    expect(setColumns({ enabled: undefined }, 1).sql).toBe('');
  });
});
