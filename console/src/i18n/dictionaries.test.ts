import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from './dictionaries';
import { en } from './en';
import { nl } from './nl';

/** Every key path of a dictionary, with the kind of value (text or message function) at it. */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${prefix}:${typeof value}`];
  return Object.entries(value).flatMap(([key, child]) => shape(child, `${prefix}.${key}`));
}

describe('dictionaries', () => {
  it('have the same keys in both languages (the type check guards this too)', () => {
    expect(shape(DICTIONARIES.nl)).toEqual(shape(DICTIONARIES.en));
  });

  it('say the renewal link the way each language says it', () => {
    expect(en.expiry.expiresIn(45)).toBe('(Expires in 45 days)');
    expect(nl.expiry.expiresIn(45)).toBe('(Vervalt over 45 dagen)');
    expect(en.expiry.expiresIn(1)).toBe('(Expires in 1 day)');
    expect(nl.expiry.expiresIn(1)).toBe('(Vervalt over 1 dag)');
    expect(nl.expiry.expired).toBe('Verlopen');
  });

  it('use the Dutch console wording for the navigation and the Files tab', () => {
    expect([nl.nav.resources, nl.nav.apps, nl.nav.native, nl.nav.internal]).toEqual(['Resources', 'Apps', 'Systeemeigen', 'Intern']);
    expect([nl.apps.renewalDate, nl.appDetail.filesTab, nl.files.renew]).toEqual(['Verlengingsdatum', 'Bestanden', 'Vernieuwen']);
  });

  it('write numbers the way each language does', () => {
    expect(en.profile.deviceCount(12_000)).toBe('12,000 devices');
    expect(nl.profile.deviceCount(12_000)).toBe('12.000 toestellen');
  });
});
