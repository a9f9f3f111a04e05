import { decodeAsn1, readOid, readText, type Asn1Element } from '../asn1/index.js';
import { NameOid } from './oids.js';

/** The attributes of an X.509 Name this project shows: the first of each kind, or `null`. */
export interface NameFields {
  readonly commonName: string | null;
  readonly organizationalUnit: string | null;
  readonly organization: string | null;
}

/** Reads CN, OU and O from a decoded Name (SEQUENCE OF SET OF AttributeTypeAndValue). */
export function readNameFields(name: Asn1Element): NameFields {
  let commonName: string | null = null;
  let organizationalUnit: string | null = null;
  let organization: string | null = null;
  for (const relativeName of name.children()) {
    for (const attribute of relativeName.children()) {
      const [type, value] = attribute.children();
      if (!type || !value) continue;
      const oid = readOid(type);
      if (oid === NameOid.commonName) commonName ??= readText(value);
      else if (oid === NameOid.organizationalUnit) organizationalUnit ??= readText(value);
      else if (oid === NameOid.organization) organization ??= readText(value);
    }
  }
  return { commonName, organizationalUnit, organization };
}

/** A short human label for an encoded Name: its CN, else O, else a placeholder. */
export function describeName(encodedName: Uint8Array): string {
  try {
    const fields = readNameFields(decodeAsn1(encodedName));
    return fields.commonName ?? fields.organization ?? '(unnamed)';
  } catch {
    return '(unreadable name)';
  }
}
