import { describe, expect, it } from 'vitest';
import { browserLanguage, formattingLocale } from './language';

describe('browserLanguage', () => {
  it('takes the first preferred language the console speaks', () => {
    expect(browserLanguage(['fr-FR', 'nl-BE', 'en-US'])).toBe('nl');
    expect(browserLanguage(['en-GB', 'nl'])).toBe('en');
  });

  it('falls back on English', () => {
    expect(browserLanguage(['de-DE'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});

describe('formattingLocale', () => {
  it('keeps the browser’s regional variant of the chosen language', () => {
    expect(formattingLocale('en', ['nl-NL', 'en-GB'])).toBe('en-GB');
    expect(formattingLocale('nl', ['nl-BE'])).toBe('nl-BE');
  });

  it('uses a default region when the browser prefers none for the language', () => {
    expect(formattingLocale('nl', ['en-US'])).toBe('nl-NL');
    expect(formattingLocale('en', ['nl-NL'])).toBe('en-US');
  });
});
