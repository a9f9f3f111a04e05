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

  it('use the documentation’s words for the renewal setting', () => {
    expect(nl.renewal.allApps).toBe('Het provisioningprofiel updaten voor alle applicaties');
    expect(en.renewal.allApps).toBe('Update the provisioning profile for all applications');
  });

  it('say the same renewal in other words when the replacement keeps the profile’s name', () => {
    expect(en.renewal.planSummary('Acme', 'Acme', 3, 1, 12)).toMatch(/^The renewed “Acme” replaces the current one for 3 apps in 1 organization group\. It is installed silently on 12 devices;/);
    expect(nl.renewal.planSummary('Acme', 'Acme 2027', 1, 2, 1)).toMatch(/^“Acme 2027” vervangt “Acme” voor 1 app in 2 organisatiegroepen\. Het wordt zonder melding geïnstalleerd op 1 toestel;/);
  });

  it('write numbers the way each language does', () => {
    expect(en.profile.deviceCount(12_000)).toBe('12,000 devices');
    expect(nl.profile.deviceCount(12_000)).toBe('12.000 toestellen');
  });
});
