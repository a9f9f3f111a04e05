import { expect } from 'vitest';
import type { MdmErrorCode } from '../errors.js';

/** Test helper: expects `action` to throw an MdmProtocolError with `code`. */
export function expectCode(action: () => unknown, code: MdmErrorCode): void {
  expect(action).toThrow(expect.objectContaining({ name: 'MdmProtocolError', code }));
}
