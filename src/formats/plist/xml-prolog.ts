import { isXmlWhitespace } from './xml-chars.js';
import type { XmlScanner } from './xml-scanner.js';

/**
 * Skips everything before the root element: a byte order mark, the XML declaration, comments,
 * processing instructions and one DOCTYPE. The plain Apple DOCTYPE (a public and system id) is
 * accepted; one with an internal subset `[…]` is `plist.doctype_forbidden`, because that is
 * where entity declarations live.
 */
export function skipProlog(scanner: XmlScanner): void {
  if (scanner.text.charCodeAt(0) === 0xfeff) scanner.pos = 1;
  let seenDoctype = false;
  for (;;) {
    scanner.skipMisc(); // the XML declaration is read as a processing instruction
    if (!scanner.startsWith('<!')) return;
    if (seenDoctype || !scanner.startsWith('<!DOCTYPE')) scanner.failAtMarkup('before the root element');
    skipDoctype(scanner);
    seenDoctype = true;
  }
}

function skipDoctype(scanner: XmlScanner): void {
  scanner.pos += '<!DOCTYPE'.length;
  for (;;) {
    scanner.skipWhitespace();
    const code = scanner.text.charCodeAt(scanner.pos);
    if (scanner.atEnd()) scanner.fail('plist.malformed_xml', 'unterminated DOCTYPE');
    if (code === 0x3e /* > */) break;
    if (code === 0x5b /* [ */) scanner.fail('plist.doctype_forbidden', 'DOCTYPE with an internal subset');
    if (code === 0x3c /* < */) scanner.failAtMarkup('inside the DOCTYPE');
    if (code === 0x22 || code === 0x27) scanner.skipQuoted();
    else skipDoctypeWord(scanner);
  }
  scanner.pos++;
}

/** Skips a bare word of the DOCTYPE (its name, PUBLIC or SYSTEM). */
function skipDoctypeWord(scanner: XmlScanner): void {
  const { text } = scanner;
  while (!scanner.atEnd() && !isDoctypeDelimiter(text.charCodeAt(scanner.pos))) scanner.pos++;
}

/** `>`, `[`, `<`, quotes and whitespace end a word. */
function isDoctypeDelimiter(code: number): boolean {
  return code === 0x3e || code === 0x5b || code === 0x3c || code === 0x22 || code === 0x27 || isXmlWhitespace(code);
}
