import { describe, expect, it } from 'vitest';
import { decodeEntryName } from './entry-name.js';

const UTF8_FLAG = 0x0800;
const utf8 = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('decodeEntryName', () => {
  it('decodes flagged names as UTF-8', () => {
    expect(decodeEntryName(utf8('Payload/Café.app/'), UTF8_FLAG)).toBe('Payload/Café.app/');
  });

  it('decodes unflagged names that are valid UTF-8 as UTF-8', () => {
    expect(decodeEntryName(utf8('Payload/日本語.app/Info.plist'), 0)).toBe('Payload/日本語.app/Info.plist');
  });

  it('falls back to CP437 for unflagged names that are not UTF-8', () => {
    expect(decodeEntryName(Uint8Array.of(0x43, 0x61, 0x66, 0x82, 0x2e, 0x61, 0x70, 0x70), 0)).toBe('Café.app');
    expect(decodeEntryName(Uint8Array.of(0x8e, 0x99, 0x9a, 0xe1, 0xff), 0)).toBe('ÄÖÜß\u00a0');
  });

  it('rejects flagged names that are not UTF-8', () => {
    expect(() => decodeEntryName(Uint8Array.of(0x82), UTF8_FLAG)).toThrow(expect.objectContaining({ code: 'zip.corrupt' }));
  });
});
