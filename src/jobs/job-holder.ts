import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** A lease holder name for this process: readable in the lease table, unique per start. */
export function newJobHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID()}`;
}
