import { decodeBase64 } from './base64.js';
import { parseIsoDate } from './dates.js';
import { excerpt } from './errors.js';
import { checkDepth, DecodeBudget } from './limits.js';
import type { PlistLimits } from './limits.js';
import type { PlistDict, PlistValue } from './types.js';
import { createDict } from './values.js';
import type { XmlScanner } from './xml-scanner.js';
import { parseIntegerText, parseRealText } from './xml-scalars.js';
import { trimXmlWhitespace } from './xml-chars.js';

interface ArrayFrame {
  readonly kind: 'array';
  readonly items: PlistValue[];
}

interface DictFrame {
  readonly kind: 'dict';
  readonly dict: PlistDict;
  /** The key read last, waiting for its value. */
  key: string | undefined;
}

type Frame = ArrayFrame | DictFrame;

type ScalarElement = 'string' | 'integer' | 'real' | 'date' | 'data';

/**
 * Builds one plist value from the elements the scanner yields. Nesting uses an explicit stack,
 * not recursion, so depth is bounded by `maxDepth` and never by the JavaScript call stack.
 */
export class XmlValueReader {
  private readonly stack: Frame[] = [];
  private readonly budget: DecodeBudget;

  constructor(
    private readonly scanner: XmlScanner,
    private readonly limits: PlistLimits,
  ) {
    this.budget = new DecodeBudget(limits);
  }

  /** Reads exactly one value (with everything nested in it) starting at the scanner's position. */
  readValue(): PlistValue {
    for (;;) {
      this.scanner.skipMisc();
      if (this.scanner.startsWith('<!')) this.scanner.failAtMarkup('between elements');
      const name = this.scanner.readTag();
      if (name === 'key' && !this.scanner.closing) {
        this.readKey();
        continue;
      }
      const value = this.scanner.closing ? this.closeContainer(name) : this.openElement(name);
      if (value === undefined) continue;
      const parent = this.top();
      if (parent === undefined) return value;
      attach(parent, value);
    }
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private readKey(): void {
    const parent = this.top();
    if (parent?.kind !== 'dict') this.scanner.fail('plist.invalid_dict', '<key> outside a dictionary');
    if (parent.key !== undefined) this.scanner.fail('plist.invalid_dict', `<key> after key "${excerpt(parent.key)}"`);
    const key = this.scanner.selfClosing ? '' : this.scanner.readText('key');
    this.budget.takeNode();
    // An own-key test: the dictionary has no prototype and never holds undefined.
    if (parent.dict[key] !== undefined) this.scanner.fail('plist.duplicate_key', `duplicate key "${excerpt(key)}"`);
    parent.key = key;
  }

  /** Returns the value of a scalar or empty container; undefined when a container was opened. */
  private openElement(name: string): PlistValue | undefined {
    const parent = this.top();
    if (parent?.kind === 'dict' && parent.key === undefined) {
      this.scanner.fail('plist.invalid_dict', `<${excerpt(name)}> where a <key> belongs`);
    }
    this.budget.takeNode();
    const empty = this.scanner.selfClosing;
    switch (name) {
      case 'array':
        checkDepth(this.stack.length, this.limits);
        return empty ? [] : this.push({ kind: 'array', items: [] });
      case 'dict':
        checkDepth(this.stack.length, this.limits);
        return empty ? createDict() : this.push({ kind: 'dict', dict: createDict(), key: undefined });
      case 'true':
      case 'false':
        return this.readBoolean(name, empty);
      case 'string':
      case 'integer':
      case 'real':
      case 'date':
      case 'data':
        return this.readScalar(name, empty ? '' : this.scanner.readText(name));
      default:
        return this.scanner.fail('plist.unknown_element', `unknown element <${excerpt(name)}>`);
    }
  }

  private push(frame: Frame): undefined {
    this.stack.push(frame);
    return undefined;
  }

  private closeContainer(name: string): PlistValue {
    const frame = this.stack.pop();
    if (frame === undefined) this.scanner.fail('plist.malformed_xml', `expected a value, found </${excerpt(name)}>`);
    if (frame.kind !== name) this.scanner.fail('plist.malformed_xml', `expected </${frame.kind}>, found </${excerpt(name)}>`);
    if (frame.kind === 'array') return frame.items;
    if (frame.key !== undefined) this.scanner.fail('plist.invalid_dict', `key "${excerpt(frame.key)}" has no value`);
    return frame.dict;
  }

  private readBoolean(name: 'true' | 'false', empty: boolean): boolean {
    if (!empty && trimXmlWhitespace(this.scanner.readText(name)) !== '') {
      this.scanner.fail('plist.invalid_boolean', `<${name}> must be empty`);
    }
    return name === 'true';
  }

  private readScalar(name: ScalarElement, text: string): PlistValue {
    switch (name) {
      case 'string':
        return text;
      case 'integer':
        return parseIntegerText(text) ?? this.scanner.fail('plist.invalid_integer', `invalid <integer> "${excerpt(text)}"`);
      case 'real':
        return parseRealText(text) ?? this.scanner.fail('plist.invalid_real', `invalid <real> "${excerpt(text)}"`);
      case 'date':
        return parseIsoDate(trimXmlWhitespace(text)) ?? this.scanner.fail('plist.invalid_date', `invalid <date> "${excerpt(text)}"`);
      case 'data':
        return decodeBase64(text) ?? this.scanner.fail('plist.invalid_base64', 'invalid base64 in <data>');
    }
  }
}

function attach(parent: Frame, value: PlistValue): void {
  if (parent.kind === 'array') {
    parent.items.push(value);
  } else {
    // openElement refuses a value in a dictionary before its key, so the key is set here.
    parent.dict[parent.key as string] = value;
    parent.key = undefined;
  }
}
