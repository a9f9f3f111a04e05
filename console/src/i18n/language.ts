/** The languages of the console. */
export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'provisio.language';

function isLanguage(value: string | null | undefined): value is Language {
  return value === 'en' || value === 'nl';
}

/** The first of the browser's preferred languages the console speaks, else English. */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The language chosen earlier in this browser, else the browser's own preference. */
export function initialLanguage(): Language {
  const stored = readStored();
  return isLanguage(stored) ? stored : browserLanguage(navigator.languages);
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
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

/**
 * The locale for dates and numbers: the browser's own regional variant of the language when it
 * prefers one (en-GB writes 17 Feb 2026), else the language itself.
 */
export function formattingLocale(language: Language, preferred: readonly string[]): string {
  const regional = preferred.find((tag) => tag.toLowerCase().split('-')[0] === language);
  return regional ?? (language === 'nl' ? 'nl-NL' : 'en-US');
}
