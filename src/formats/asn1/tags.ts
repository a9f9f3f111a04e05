/** ASN.1 tag classes, as the two high bits of the identifier octet. */
export const TagClass = {
  universal: 0,
  application: 1,
  context: 2,
  private: 3,
} as const;

export type TagClass = (typeof TagClass)[keyof typeof TagClass];

/** The universal tag numbers this project reads or writes. */
export const UniversalTag = {
  endOfContents: 0,
  boolean: 1,
  integer: 2,
  bitString: 3,
  octetString: 4,
  null: 5,
  objectIdentifier: 6,
  utf8String: 12,
  sequence: 16,
  set: 17,
  numericString: 18,
  printableString: 19,
  teletexString: 20,
  ia5String: 22,
  utcTime: 23,
  generalizedTime: 24,
  visibleString: 26,
  universalString: 28,
  bmpString: 30,
} as const;

export type UniversalTag = (typeof UniversalTag)[keyof typeof UniversalTag];

/** A human name for a tag, for error messages. */
export function describeTag(tagClass: TagClass, tagNumber: number): string {
  if (tagClass === TagClass.context) return `[${tagNumber}]`;
  if (tagClass === TagClass.application) return `[APPLICATION ${tagNumber}]`;
  if (tagClass === TagClass.private) return `[PRIVATE ${tagNumber}]`;
  const entry = Object.entries(UniversalTag).find(([, number]) => number === tagNumber);
  return entry ? entry[0] : `[UNIVERSAL ${tagNumber}]`;
}
