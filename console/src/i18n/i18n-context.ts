import { createContext, useContext } from 'react';
import type { Formatters } from './format';
import type { Language } from './language';
import type { Messages } from './messages';

/** What every component reads to speak the chosen language. */
export interface I18n {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  /** The strings of the chosen language. */
  readonly m: Messages;
  readonly format: Formatters;
}

export const I18nContext = createContext<I18n | null>(null);

/** The chosen language's strings and formatters; only inside `I18nProvider`. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n is used outside I18nProvider');
  return i18n;
}
