import { describe, expect, it } from 'vitest';
import type { OgTreeDto } from '../../http/routes/og.dto.js';
import { CLIENT_EXIT } from './cli-error.js';
import { OgDirectory } from './og-directory.js';

function node(id: number, name: string, children: OgTreeDto[] = []): OgTreeDto {
  return { id, parentId: null, name, depth: 0, createdAt: '2026-01-01T00:00:00.000Z', children };
}

const directory = new OgDirectory(
  node(1, 'Global', [node(2, 'Acme', [node(4, 'Retail'), node(5, 'Field')]), node(3, 'Beta', [node(6, 'Retail')])]),
);

describe('OgDirectory', () => {
  it('resolves an id, a name, a path ending, and a path from the top', () => {
    expect(directory.resolve('5')).toEqual({ id: 5, name: 'Field', path: 'Global/Acme/Field' });
    expect(directory.resolve('Field').id).toBe(5);
    expect(directory.resolve('Acme/Retail').id).toBe(4);
    expect(directory.resolve('/Global/Beta/Retail').id).toBe(6);
    expect(directory.resolve('/Global').id).toBe(1);
  });

  it('ignores case when that still names one group', () => {
    expect(directory.resolve('acme').id).toBe(2);
    expect(directory.resolve('beta/RETAIL').id).toBe(6);
  });

  it('refuses an ambiguous name, listing the candidates', () => {
    expect(() => directory.resolve('Retail')).toThrow(/"Retail" names 2 organization groups/);
    expect(() => directory.resolve('Retail')).toThrow(
      expect.objectContaining({ exitCode: CLIENT_EXIT.failed, detailLines: ['- Global/Acme/Retail (id 4)', '- Global/Beta/Retail (id 6)'] }),
    );
  });

  it('refuses groups outside the tree, by name or by id', () => {
    expect(() => directory.resolve('Gamma')).toThrow(/no organization group "Gamma" in your scope/);
    expect(() => directory.resolve('99')).toThrow(/no organization group with id 99 in your scope/);
    expect(() => directory.resolve('/Acme')).toThrow(/no organization group/);
    expect(() => directory.resolve('cme')).toThrow(/no organization group/);
  });

  it('labels a group by name, or by path when its name is shared', () => {
    expect(directory.label(5)).toBe('Field');
    expect(directory.label(4)).toBe('Global/Acme/Retail');
    expect(directory.label(42)).toBe('#42');
  });

  it('lists every group, parents first', () => {
    expect(directory.entries().map((entry) => entry.path)).toEqual([
      'Global',
      'Global/Acme',
      'Global/Acme/Retail',
      'Global/Acme/Field',
      'Global/Beta',
      'Global/Beta/Retail',
    ]);
  });
});
