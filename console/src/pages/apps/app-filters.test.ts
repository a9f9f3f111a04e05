import { describe, expect, it } from 'vitest';
import { readAppFilters, writeAppFilters } from './app-filters';

describe('app filters in the address', () => {
  it('survive a round trip through the query string', () => {
    const filters = { search: 'field', expiringWithin: 30, sort: 'expiry' } as const;
    expect(readAppFilters(new URLSearchParams(writeAppFilters(filters)))).toEqual(filters);
  });

  it('leave defaults out of the address', () => {
    expect(writeAppFilters({ search: '', expiringWithin: undefined, sort: 'name' })).toBe('');
  });

  it('ignore values the API would refuse', () => {
    expect(readAppFilters(new URLSearchParams('expiringWithin=-3&sort=random'))).toEqual({ search: '', expiringWithin: undefined, sort: 'name' });
  });
});
