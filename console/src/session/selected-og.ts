import type { OgOption } from './og-options';

const STORAGE_KEY = 'provisio.og';

/** The group chosen earlier in this browser when it is still in reach, else the home group. */
export function initialOg(options: readonly OgOption[], homeOgId: number): number {
  const stored = Number(readStored());
  return options.some((option) => option.id === stored) ? stored : homeOgId;
}

export function rememberOg(id: number): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(id));
  } catch {
    // Storage can be disabled; the choice then lasts until the next reload.
  }
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
