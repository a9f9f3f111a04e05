import type { UploadViolation } from '../../domain/upload-rules.js';
import { ApiError } from '../../http/errors.js';

/**
 * The 422 for a refused upload: the first violation's code and message, and every violation in
 * `details.violations` so a client sees all that is wrong at once.
 */
export function uploadRefused(violations: readonly [UploadViolation, ...UploadViolation[]]): ApiError {
  const [first, ...rest] = violations;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  const details = { violations: violations.map((violation) => ({ ...violation, bundleId: violation.bundleId ?? null })) };
  return new ApiError('unprocessable', `${first.message}${more}`, { code: first.code, details });
}

/** Throws the refusal when there is any violation. */
export function refuseViolations(violations: readonly UploadViolation[]): void {
  const [first, ...rest] = violations;
  if (first !== undefined) throw uploadRefused([first, ...rest]);
}
