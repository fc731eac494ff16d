import { describe, expect, it } from 'vitest';
import { fromRow, insertValues, setColumns } from './rows.js';

describe('rows', () => {
  it('fromRow names every column in camelCase and keeps its value', () => {
    expect(fromRow({ issuer_id: 'a', key_rotation_days: 0, enabled: false })).toEqual({ issuerId: 'a', keyRotationDays: 0, enabled: false });
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
