import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';

declare const scopeBrand: unique symbol;

/**
 * What a caller may see: its home OG and every OG below it. Every read, list and update method
 * of a repository takes one, so an unscoped query cannot be written by forgetting a filter.
 * Only `OgRepository` makes scopes (the brand stops object literals from posing as one).
 *
 * OGs carry a materialized path of ids, `/1/4/9/` for OG 9 under 4 under Global (1). "In scope"
 * is then one range scan on the path index, `path >= '/1/4/' and path < '/1/40'`, which works the
 * same on SQLite and PostgreSQL and needs no recursive query. A closure table would answer the
 * same question with a join but costs depth × size rows and more writes on every move; a move
 * here rewrites only the moved subtree's paths. A scope is read once per request: an OG moved
 * during that request is seen at its old place until the next one.
 */
export interface Scope {
  /** The home OG: the top of what this scope sees. */
  readonly ogId: number;
  /** The home OG's materialized path. */
  readonly path: string;
  readonly [scopeBrand]: true;
}

/** Builds the scope of an OG row; for OgRepository only. */
export function scopeOf(og: { readonly id: number; readonly path: string }): Scope {
  return { ogId: og.id, path: og.path } as Scope;
}

/** The half-open range of paths at or under `path`: every such path starts with `path`. */
export function pathRange(path: string): { readonly from: string; readonly to: string } {
  // Paths end in '/', and '0' is the character right after '/', so nothing else sorts between.
  return { from: path, to: `${path.slice(0, -1)}0` };
}

/** True when the OG with materialized path `path` lies in `scope`. */
export function pathInScope(scope: Scope, path: string): boolean {
  return path.startsWith(scope.path);
}

/** SQL condition: the OG id in `ogIdColumn` (e.g. `'apps.og_id'`) lies in `scope`. */
export function inScope(scope: Scope, ogIdColumn: string): RawBuilder<SqlBool> {
  const { from, to } = pathRange(scope.path);
  return sql<SqlBool>`${sql.ref(ogIdColumn)} in (select og.id from org_groups og where og.path >= ${from} and og.path < ${to})`;
}
