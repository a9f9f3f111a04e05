import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-failure';
import { describeFailure } from './describe-failure';
import { en } from './en';
import { createFormatters } from './format';
import { nl } from './nl';

const format = createFormatters('en-US');

function failure(status: number, code: string, details: unknown = null): ApiFailure {
  return new ApiFailure(status, code, `server words for ${code}`, details);
}

describe('describeFailure', () => {
  it('gives one sentence per broken upload rule, naming the bundle when there is one', () => {
    const details = {
      violations: [
        { code: 'profile.not_enterprise', message: 'x', bundleId: null },
        { code: 'profile.bundle_id_mismatch', message: 'y', bundleId: 'com.acme.widget' },
      ],
    };
    expect(describeFailure(failure(422, 'profile.not_enterprise', details), en, format)).toEqual([
      en.errors.codes['profile.not_enterprise'],
      `com.acme.widget: ${en.errors.codes['profile.bundle_id_mismatch']}`,
    ]);
  });

  it('explains each failed renewal check, naming the bundle it concerns', () => {
    const details = {
      violations: [
        { code: 'renewal.not_later', message: 'x' },
        { code: 'renewal.missing_signing_certificate', message: 'y', bundleId: 'com.acme.safety', appVersionId: 4 },
      ],
    };
    expect(describeFailure(failure(422, 'renewal.checks_failed', details), nl, format)).toEqual([
      'Het vervangende profiel vervalt niet later dan het huidige profiel.',
      'com.acme.safety: Het vervangende profiel bevat het certificaat niet waarmee deze app is ondertekend, dus de app zou niet meer openen.',
    ]);
    expect(describeFailure(failure(409, 'renewal.profile_superseded'), en, format)).toEqual([en.errors.codes['renewal.profile_superseded']]);
  });

  it('names the older version a "replace older versions" check failed for', () => {
    const uuid = '5C1E0F0A-1111-4A4A-9B9B-0123456789AB';
    const details = { violations: [{ code: 'renewal.missing_signing_certificate', message: 'x', bundleId: 'com.acme.werkbon', profileId: 7, uuid }] };
    expect(describeFailure(failure(422, 'cleanup.checks_failed', details), nl, format)).toEqual([
      `Oudere versie ${uuid} (com.acme.werkbon): Het vervangende profiel bevat het certificaat niet waarmee deze app is ondertekend, dus de app zou niet meer openen.`,
    ]);
    const notLater = { violations: [{ code: 'renewal.not_later', message: 'y', profileId: 7, uuid }] };
    expect(describeFailure(failure(422, 'cleanup.checks_failed', notLater), en, format)).toEqual([`Older version ${uuid}: ${en.errors.codes['renewal.not_later']}`]);
    expect(describeFailure(failure(409, 'cleanup.profile_superseded', { supersededBy: 9 }), en, format)).toEqual([en.errors.codes['cleanup.profile_superseded']]);
    expect(describeFailure(failure(422, 'cleanup.profile_expired'), nl, format)).toEqual([nl.errors.codes['cleanup.profile_expired']]);
  });

  it('keeps the server’s words for a rule it does not know yet, after its code', () => {
    const details = { violations: [{ code: 'profile.brand_new_rule', message: 'the new rule broke', bundleId: null }] };
    expect(describeFailure(failure(422, 'profile.brand_new_rule', details), nl, format)).toEqual([
      'De server weigerde het verzoek (profile.brand_new_rule). the new rule broke',
    ]);
  });

  it('names the file a parser could not read, and why', () => {
    const notZip = failure(422, 'zip.not_a_zip', { file: 'ipa' });
    expect(describeFailure(notZip, nl, format)).toEqual(['Het .ipa-bestand kan niet worden gelezen: het is geen zip-archief.']);
    const garbled = failure(422, 'cms.invalid', { file: 'profile' });
    expect(describeFailure(garbled, en, format)).toEqual(['The profile file cannot be read: it is damaged or in an unknown format.']);
  });

  it('says which file was too large and the limit, in the language’s units', () => {
    const tooLarge = failure(413, 'payload_too_large', { field: 'profile', limitBytes: 1_000_000 });
    expect(describeFailure(tooLarge, en, format)).toEqual(['The profile file is larger than the limit of 1 MB.']);
  });

  it('lists the apps that keep a profile from being deleted', () => {
    const inUse = failure(409, 'profile.in_use', { apps: [{ name: 'Field Service' }, { name: 'Timesheets' }] });
    expect(describeFailure(inUse, en, format)).toEqual(['The profile cannot be deleted: it is used by Field Service and Timesheets.']);
    // A cleanup that met a profile taken into use meanwhile names no apps.
    expect(describeFailure(failure(409, 'profile.in_use'), en, format)).toEqual([en.errors.codes['profile.in_use']]);
  });

  it('falls back on the kind of failure the status stands for', () => {
    expect(describeFailure(failure(404, 'something.missing'), en, format)).toEqual([en.errors.codes.not_found]);
    expect(describeFailure(failure(502, 'unexpected_response'), en, format)).toEqual([en.errors.codes.internal]);
    expect(describeFailure(ApiFailure.network(new Error('down')), nl, format)).toEqual([nl.errors.codes.network]);
    expect(describeFailure(failure(418, 'teapot.refused'), en, format)).toEqual(['The server refused the request (teapot.refused).']);
  });

  it('does not take inherited object keys for error codes', () => {
    expect(describeFailure(failure(400, 'toString'), en, format)).toEqual([en.errors.codes.bad_request]);
  });
});
