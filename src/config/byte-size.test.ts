import { describe, expect, it } from 'vitest';
import { parseByteSize } from './byte-size.js';

describe('parseByteSize', () => {
  it.each([
    ['1048576', 1_048_576],
    ['4G', 4 * 1024 ** 3],
    ['4GB', 4 * 1024 ** 3],
    ['4 GiB', 4 * 1024 ** 3],
    ['1m', 1024 ** 2],
    ['512K', 512 * 1024],
    ['1.5M', 1.5 * 1024 ** 2],
    ['0', 0],
  ])('reads %j', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it.each(['', 'G', '-1M', '4X', '1e3', '4 G B', '99999999999T'])('rejects %j', (text) => {
    expect(parseByteSize(text)).toBeUndefined();
  });
});
