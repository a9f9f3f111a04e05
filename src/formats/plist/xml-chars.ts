/** True for the four characters XML calls whitespace. */
export function isXmlWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** Strips XML whitespace (not Unicode whitespace, unlike `String.prototype.trim`). */
export function trimXmlWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isXmlWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isXmlWhitespace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
