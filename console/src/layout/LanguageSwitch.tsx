import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { LANGUAGES, type Language } from '../i18n/language';

/** Chooses the console's language; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { m, language, setLanguage } = useI18n();
  const id = useId();
  return (
    <div className="header-field">
      <label htmlFor={id}>{m.header.language}</label>
      <select id={id} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {m.header.languageNames[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
