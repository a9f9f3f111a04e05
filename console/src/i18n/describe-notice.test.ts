import { describe, expect, it } from 'vitest';
import type { Notice } from '../api/lifecycle-types';
import { describeNotice } from './describe-notice';
import { en } from './en';
import { createFormatters } from './format';
import { nl } from './nl';

const now = new Date('2026-03-01T12:00:00Z');
const ogNames = new Map([[2, 'Noord']]);

function notice(overrides: Partial<Notice> = {}): Notice {
  return {
    id: 1,
    ogId: 2,
    subjectType: 'profile',
    subjectId: 9,
    subjectName: 'Acme Wildcard',
    thresholdDays: 60,
    expiresAt: '2026-04-15T18:00:00Z',
    impact: {
      apps: [
        { appId: 1, name: 'Field Service', ogId: 2, devices: 12 },
        { appId: 2, name: 'Timesheets', ogId: 2, devices: 6 },
      ],
      ogIds: [2],
      devices: 18,
    },
    dismissed: false,
    createdAt: '2026-02-14T02:00:00Z',
    ...overrides,
  };
}

describe('describeNotice', () => {
  it('says what expires, in how many days from now, and whom it stops', () => {
    expect(describeNotice(notice(), nl, createFormatters('nl-NL'), ogNames, now)).toEqual({
      headline: 'Provisioningprofiel “Acme Wildcard” vervalt over 45 dagen (15 apr 2026)',
      impact: 'Stopt Field Service en Timesheets in Noord, op 18 toestellen.',
    });
  });

  it('says a certificate has expired once its day has passed, and names groups it cannot see', () => {
    const expired = notice({ subjectType: 'certificate', subjectName: 'iPhone Distribution: Acme', expiresAt: '2026-02-27T12:00:00Z', impact: { apps: [{ appId: 3, name: 'Rooster', ogId: 7, devices: 1 }], ogIds: [7], devices: 1 } });
    expect(describeNotice(expired, en, createFormatters('en-US'), ogNames, now)).toEqual({
      headline: 'Certificate “iPhone Distribution: Acme” has expired (Feb 27, 2026)',
      impact: 'Stops Rooster in another group, on 1 device.',
    });
  });
});
