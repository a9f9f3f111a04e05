import { plistError } from './errors.js';
import { DEFAULT_PLIST_LIMITS } from './limits.js';

/**
 * Tracks the containers a writer is inside of, so a value built in JavaScript that contains
 * itself is `plist.cycle` instead of endless recursion, and one nested deeper than the readers'
 * default `maxDepth` is `plist.too_deep` (whatever the writers produce, the readers accept).
 */
export class NestingGuard {
  private readonly open = new Set<object>();

  enter(container: object): void {
    if (this.open.has(container)) throw plistError('plist.cycle', 'the value contains itself');
    if (this.open.size >= DEFAULT_PLIST_LIMITS.maxDepth) {
      throw plistError('plist.too_deep', `nesting exceeds ${DEFAULT_PLIST_LIMITS.maxDepth} levels`);
    }
    this.open.add(container);
  }

  leave(container: object): void {
    this.open.delete(container);
  }
}
