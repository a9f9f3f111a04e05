import type { OgTree } from '../api/types';

/** An organization group as a choice in a list: depth says how far to indent it. */
export interface OgOption {
  readonly id: number;
  readonly name: string;
  /** 0 for the admin's home group. */
  readonly level: number;
}

/** The tree in reading order (each group followed by its children), home group first. */
export function flattenOgTree(tree: OgTree, level = 0): OgOption[] {
  return [{ id: tree.id, name: tree.name, level }, ...tree.children.flatMap((child) => flattenOgTree(child, level + 1))];
}

/** The names of the groups by id, for showing which group an object belongs to. */
export function ogNames(options: readonly OgOption[]): ReadonlyMap<number, string> {
  return new Map(options.map((option) => [option.id, option.name]));
}
