import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { DICTIONARIES } from './dictionaries';
import { createFormatters } from './format';
import { I18nContext, type I18n } from './i18n-context';
import { formattingLocale, initialLanguage, rememberLanguage, type Language } from './language';

/** Holds the chosen language, remembers it, and keeps `<html lang>` in step for screen readers. */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage: (next) => {
        rememberLanguage(next);
        setLanguage(next);
      },
      m: DICTIONARIES[language],
      format: createFormatters(formattingLocale(language, navigator.languages)),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
