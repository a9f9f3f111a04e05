import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './database-url.js';

describe('parseDatabaseUrl', () => {
  it('passes PostgreSQL URLs through unchanged', () => {
    const url = 'postgres://user:secret@db.example:5432/provisio?sslmode=require';
    expect(parseDatabaseUrl(url)).toEqual({ dialect: 'postgres', url });
    expect(parseDatabaseUrl('postgresql://db/provisio').dialect).toBe('postgres');
  });

  it('reads SQLite file paths in both spellings', () => {
    expect(parseDatabaseUrl('sqlite:data/provisio.db')).toEqual({ dialect: 'sqlite', file: 'data/provisio.db' });
    expect(parseDatabaseUrl('sqlite:///var/lib/provisio/provisio.db')).toEqual({
      dialect: 'sqlite',
      file: '/var/lib/provisio/provisio.db',
    });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', file: ':memory:' });
  });

  it.each(['mysql://db/provisio', 'provisio.db', 'sqlite:', 'sqlite://', ''])('rejects %j', (url) => {
    expect(() => parseDatabaseUrl(url)).toThrowError(expect.objectContaining({ code: 'store.bad_url' }));
  });
});
