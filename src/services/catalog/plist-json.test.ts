import { describe, expect, it } from 'vitest';
import type { PlistDict } from '../../formats/plist/types.js';
import { plistDictToJson } from './plist-json.js';

describe('plistDictToJson', () => {
  it('turns dates, data and huge integers into JSON text, recursively', () => {
    const dict = Object.assign(Object.create(null) as PlistDict, {
      'get-task-allow': false,
      'keychain-access-groups': ['TEAM.*'],
      nested: Object.assign(Object.create(null) as PlistDict, { when: new Date('2026-01-02T03:04:05Z'), blob: Uint8Array.of(1, 2, 3) }),
      big: 2n ** 70n,
      count: 3,
    });
    expect(JSON.parse(JSON.stringify(plistDictToJson(dict)))).toEqual({
      'get-task-allow': false,
      'keychain-access-groups': ['TEAM.*'],
      nested: { when: '2026-01-02T03:04:05.000Z', blob: 'AQID' },
      big: '1180591620717411303424',
      count: 3,
    });
  });

  it('keeps __proto__ as an ordinary key', () => {
    const dict = Object.create(null) as PlistDict;
    dict.__proto__ = 'a value';
    const json = plistDictToJson(dict);
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(JSON.stringify(json)).toBe('{"__proto__":"a value"}');
  });
});
