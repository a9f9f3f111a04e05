import { TagClass, UniversalTag, expectElement, readOid, type Asn1Element } from '../asn1/index.js';
import { FormatError } from '../errors.js';
import type { AlgorithmIdentifier } from './types.js';

/** Structure checks that report `cms.invalid`, shared by the SignedData and SignerInfo readers. */

export function expectUniversal(element: Asn1Element | undefined, tagNumber: number, what: string): Asn1Element {
  return expectElement(element, TagClass.universal, tagNumber, what, 'cms.invalid');
}

export function expectSequence(element: Asn1Element | undefined, what: string): Asn1Element {
  return expectUniversal(element, UniversalTag.sequence, what);
}

export function expectSet(element: Asn1Element | undefined, what: string): Asn1Element {
  return expectUniversal(element, UniversalTag.set, what);
}

/** Reads an AlgorithmIdentifier: SEQUENCE { algorithm OID, parameters ANY OPTIONAL }. */
export function readAlgorithm(element: Asn1Element | undefined, what: string): AlgorithmIdentifier {
  const [oid, parameters] = expectSequence(element, what).children();
  return {
    oid: readOid(expectUniversal(oid, UniversalTag.objectIdentifier, `${what} OID`)),
    parameters: parameters ? parameters.bytes : null,
  };
}

export function invalid(message: string): FormatError {
  return new FormatError('cms.invalid', message);
}
