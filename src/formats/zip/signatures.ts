/** Record signatures and field values from PKWARE's APPNOTE.TXT. */
export const Signature = {
  localHeader: 0x04034b50,
  centralHeader: 0x02014b50,
  endOfCentralDirectory: 0x06054b50,
  zip64EndOfCentralDirectory: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;

export const RecordSize = {
  localHeader: 30,
  centralHeader: 46,
  endOfCentralDirectory: 22,
  zip64EndOfCentralDirectory: 56,
  zip64Locator: 20,
} as const;

/** General purpose bit flags we act on. */
export const Flag = {
  encrypted: 0x0001,
  utf8: 0x0800,
  strongEncryption: 0x0040,
} as const;

export const Method = { stored: 0, deflated: 8 } as const;

/** Extra field header id carrying the 64-bit sizes and offset. */
export const ZIP64_EXTRA_ID = 0x0001;

/** The largest comment a zip may carry, which bounds how far from the end the EOCD can sit. */
export const MAX_COMMENT_LENGTH = 0xffff;

export const SATURATED_16 = 0xffff;
export const SATURATED_32 = 0xffffffff;
