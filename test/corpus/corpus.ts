import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The shared corpus of real Apple files, beside the repository; absent on some machines. */
export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
export const HAS_CORPUS = existsSync(join(CORPUS_DIR, 'MANIFEST.tsv'));

export interface ManifestRow {
  readonly localName: string;
  /** `key=value` facts a reference decoder read from the file; quoted values are unquoted. */
  readonly facts: ReadonlyMap<string, string>;
}

export function corpusPath(localName: string): string {
  return join(CORPUS_DIR, localName);
}

/** Reads MANIFEST.tsv: the notes column is `SRC-NOTE: ... | key=value; key=value; ...`. */
export function readManifest(): ManifestRow[] {
  const lines = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const columns = line.split('\t');
    const notes = columns[6] ?? '';
    const factsText = notes.includes(' | ') ? notes.slice(notes.lastIndexOf(' | ') + 3) : notes;
    return { localName: columns[0] ?? '', facts: parseFacts(factsText) };
  });
}

function parseFacts(text: string): Map<string, string> {
  const facts = new Map<string, string>();
  for (const part of text.split('; ')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith("'") && value.endsWith("'")) value = value.slice(1, -1);
    facts.set(key, value);
  }
  return facts;
}
