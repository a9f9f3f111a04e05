/**
 * The one error type every parser in src/formats throws.
 *
 * `code` is stable: tests, the CLI's `--json` output and the HTTP API expose it, so a code
 * once published is never renamed. Codes are `<format>.<problem>`, e.g. `plist.cycle`,
 * `zip.unsafe_path`; each format module documents its own codes next to where it throws them.
 */
export type FormatName =
  | 'input'
  | 'plist'
  | 'asn1'
  | 'x509'
  | 'cms'
  | 'profile'
  | 'zip'
  | 'macho'
  | 'ipa';

export type FormatErrorCode = `${FormatName}.${string}`;

export class FormatError extends Error {
  override readonly name = 'FormatError';

  constructor(
    readonly code: FormatErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isFormatError(error: unknown): error is FormatError {
  return error instanceof FormatError;
}
