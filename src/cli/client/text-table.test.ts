import { describe, expect, it } from 'vitest';
import { renderFields, renderTable } from './text-table.js';

describe('renderTable', () => {
  it('pads columns to their widest cell, aligns numbers right and trims line ends', () => {
    const table = renderTable(
      [{ header: 'NAME' }, { header: 'DAYS', align: 'right' }, { header: 'OG' }],
      [
        ['Field Service', '5', 'Acme'],
        ['X', '120', ''],
      ],
    );
    expect(table).toBe(['NAME           DAYS  OG', 'Field Service     5  Acme', 'X               120'].join('\n') + '\n');
  });
});

describe('renderFields', () => {
  it('aligns values after the longest label', () => {
    expect(renderFields([['Type', 'enterprise'], ['Certificates', 'A'], ['', 'B']])).toBe(
      'Type          enterprise\nCertificates  A\n              B\n',
    );
  });
});
