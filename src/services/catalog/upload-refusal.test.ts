import { describe, expect, it } from 'vitest';
import { refuseViolations, uploadRefused } from './upload-refusal.js';

describe('uploadRefused', () => {
  it('answers 422 with the first code and message and lists every violation', () => {
    const error = uploadRefused([
      { code: 'profile.expired', message: 'the profile expired', bundleId: 'com.acme.app' },
      { code: 'profile.not_enterprise', message: 'an App Store profile' },
    ]);
    expect(error).toMatchObject({ status: 422, code: 'profile.expired', message: 'the profile expired (and 1 more problem)' });
    expect(error.details).toEqual({
      violations: [
        { code: 'profile.expired', message: 'the profile expired', bundleId: 'com.acme.app' },
        { code: 'profile.not_enterprise', message: 'an App Store profile', bundleId: null },
      ],
    });
  });

  it('throws only when there is a violation', () => {
    expect(() => refuseViolations([])).not.toThrow();
    expect(() => refuseViolations([{ code: 'ipa.no_profile', message: 'no profile' }])).toThrow('no profile');
  });
});
