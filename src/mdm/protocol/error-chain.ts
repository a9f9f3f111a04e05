import type { PlistValue } from '../../formats/plist/index.js';
import { PlistFields } from './fields.js';

/** One entry of a response's `ErrorChain`: the error and, after it, what caused it. */
export interface ErrorChainItem {
  readonly errorCode: number;
  readonly errorDomain: string;
  readonly localizedDescription: string | undefined;
  readonly usEnglishDescription: string | undefined;
}

/** Reads an `ErrorChain` array; an absent chain is empty. */
export function readErrorChain(items: readonly PlistValue[] | undefined): ErrorChainItem[] {
  return (items ?? []).map((item, index) => {
    const fields = PlistFields.of(item, `ErrorChain[${index}]`);
    return {
      errorCode: fields.requiredInteger('ErrorCode'),
      errorDomain: fields.requiredString('ErrorDomain'),
      localizedDescription: fields.optionalString('LocalizedDescription'),
      usEnglishDescription: fields.optionalString('USEnglishDescription'),
    };
  });
}

/** A one-line summary for logs and command history: "MCProfileErrorDomain 1009: …". */
export function describeErrorChain(chain: readonly ErrorChainItem[]): string {
  return chain
    .map((item) => {
      const text = item.usEnglishDescription ?? item.localizedDescription;
      return `${item.errorDomain} ${item.errorCode}${text ? `: ${text}` : ''}`;
    })
    .join(' <- ');
}
