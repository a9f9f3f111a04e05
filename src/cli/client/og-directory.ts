import { ogTreeSchema, type OgTreeDto } from '../../http/routes/og.dto.js';
import type { ApiClient } from './api-client.js';
import { requestFailed } from './cli-error.js';

/** An organization group the caller can reach, with its path from the top of that scope. */
export interface OgEntry {
  readonly id: number;
  readonly name: string;
  /** Names from the caller's home group down, joined by `/`, e.g. `Global/Acme/Retail`. */
  readonly path: string;
}

/**
 * The organization groups in the caller's scope, from `/ogs/tree`: turns what a user types
 * (an id, a name, or a path) into a group, and ids back into names for tables.
 */
export class OgDirectory {
  private readonly byId = new Map<number, OgEntry>();

  constructor(tree: OgTreeDto) {
    const visit = (node: OgTreeDto, parentPath: string | undefined) => {
      const path = parentPath === undefined ? node.name : `${parentPath}/${node.name}`;
      this.byId.set(node.id, { id: node.id, name: node.name, path });
      for (const child of node.children) visit(child, path);
    };
    visit(tree, undefined);
  }

  /** The caller's groups, read from the server. */
  static async load(client: ApiClient): Promise<OgDirectory> {
    return new OgDirectory(await client.get('ogs/tree', ogTreeSchema));
  }

  /**
   * The group `reference` names: an id; a name; or a path, matched at its end (`Acme/Retail`)
   * or, starting with `/`, from the top (`/Global/Acme`). Case does not matter unless it must
   * tell groups apart. Fails when nothing or more than one group matches.
   */
  resolve(reference: string): OgEntry {
    const trimmed = reference.trim();
    if (/^\d+$/.test(trimmed)) return this.resolveId(Number(trimmed), reference);
    const matches = this.matching(trimmed);
    const [only, ...others] = matches;
    if (only === undefined) throw requestFailed(`no organization group "${reference}" in your scope (see \`provisio ogs list\`)`);
    if (others.length > 0) {
      throw requestFailed(`"${reference}" names ${matches.length} organization groups; give a path or an id:`, matches.map(describe));
    }
    return only;
  }

  /** The group of `id`, when in scope. */
  get(id: number): OgEntry | undefined {
    return this.byId.get(id);
  }

  /** Every group, parents before their children. */
  entries(): OgEntry[] {
    return [...this.byId.values()];
  }

  /** How a table shows the group of `id`: its name, or its path when the name is not unique. */
  label(id: number): string {
    const entry = this.byId.get(id);
    if (entry === undefined) return `#${id}`;
    const sameName = this.entries().filter((other) => other.name === entry.name);
    return sameName.length > 1 ? entry.path : entry.name;
  }

  private resolveId(id: number, reference: string): OgEntry {
    const entry = this.byId.get(id);
    if (entry === undefined) throw requestFailed(`no organization group with id ${reference} in your scope`);
    return entry;
  }

  private matching(reference: string): OgEntry[] {
    const anchored = reference.startsWith('/');
    const wanted = reference.replace(/^\/+|\/+$/g, '');
    const names = (path: string, target: string) => path === target || (!anchored && path.endsWith(`/${target}`));
    const exact = this.entries().filter((entry) => names(entry.path, wanted));
    if (exact.length > 0) return exact;
    return this.entries().filter((entry) => names(entry.path.toLowerCase(), wanted.toLowerCase()));
  }
}

function describe(entry: OgEntry): string {
  return `- ${entry.path} (id ${entry.id})`;
}
