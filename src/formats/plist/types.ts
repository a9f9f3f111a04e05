/**
 * A decoded property list value.
 *
 * - `<integer>` becomes a `number` when it is a safe integer, a `bigint` otherwise (never rounded).
 * - `<real>` becomes a `number`; the XML writer writes integral numbers as `<integer>`.
 * - `<data>` becomes a `Uint8Array`; `<date>` a `Date`.
 * - Dictionaries are null-prototype objects, so keys like `__proto__` are ordinary keys.
 */
export type PlistValue =
  | string
  | number
  | bigint
  | boolean
  | Date
  | Uint8Array
  | PlistValue[]
  | PlistDict;

export interface PlistDict {
  [key: string]: PlistValue;
}
