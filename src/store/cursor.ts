import { StoreError } from './errors.js';

/** The position after the last row of a page: its sort value and id, under a named sort. */
export interface CursorPosition {
  readonly sort: string;
  readonly value: string | number;
  readonly id: number;
}

/** Encodes a position as an opaque, URL-safe string. */
export function encodeCursor(position: CursorPosition): string {
  const body = JSON.stringify([position.sort, position.value, position.id]);
  return Buffer.from(body, 'utf8').toString('base64url');
}

function badCursor(): StoreError {
  return new StoreError('store.bad_cursor', 'the cursor is not valid for this listing');
}

function parseBody(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
}

/** Decodes a cursor made by `encodeCursor` for the sort named `sort`, or throws `store.bad_cursor`. */
export function decodeCursor(cursor: string, sort: string): CursorPosition {
  const body = parseBody(cursor);
  if (!Array.isArray(body) || body.length !== 3) {
    throw badCursor();
  }
  const [name, value, id] = body as unknown[];
  const validValue = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
  if (name !== sort || !validValue || typeof id !== 'number' || !Number.isSafeInteger(id)) {
    throw badCursor();
  }
  return { sort, value, id };
}
