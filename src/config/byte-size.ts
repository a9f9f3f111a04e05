const UNIT_SHIFT: Readonly<Record<string, number>> = { '': 0, k: 10, m: 20, g: 30, t: 40 };
const SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i;

/**
 * Reads a size such as `4G`, `512MB`, `1.5GiB` or `1048576` as a number of bytes. Units are
 * binary (1K = 1024) because that is what people mean by "a 4 GB upload limit" in practice.
 * Answers `undefined` for anything else, including sizes too large to count exactly.
 */
export function parseByteSize(text: string): number | undefined {
  const match = SIZE_PATTERN.exec(text.trim());
  if (match === null) return undefined;
  const [, amount = '', unit = ''] = match;
  const bytes = Math.floor(Number(amount) * 2 ** (UNIT_SHIFT[unit.toLowerCase()] ?? 0));
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}
