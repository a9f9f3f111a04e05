import { describe, expect, it } from 'vitest';
import { apiFailure } from './api-error.js';
import { CLIENT_EXIT } from './cli-error.js';

function body(code: string, message: string, details: unknown = null): string {
  return JSON.stringify({ error: { code, message, details } });
}

describe('apiFailure', () => {
  it('shows the API message with its stable code and the status', () => {
    const failure = apiFailure(404, 'Not Found', body('not_found', 'profile not found'));
    expect(failure.message).toBe('profile not found [not_found] (HTTP 404)');
    expect(failure.exitCode).toBe(CLIENT_EXIT.failed);
    expect(failure.detailLines).toEqual([]);
  });

  it('lists every broken upload rule', () => {
    const violations = [
      { code: 'profile.not_enterprise', message: 'the profile is an App Store profile', bundleId: null },
      { code: 'profile.bundle_id_mismatch', message: 'com.a is not covered', bundleId: 'com.a' },
    ];
    const failure = apiFailure(422, 'Unprocessable Entity', body('profile.not_enterprise', 'the profile is an App Store profile (and 1 more problem)', { violations }));
    expect(failure.message).toMatch(/^the profile is an App Store profile \(and 1 more problem\) \[profile\.not_enterprise\] \(HTTP 422\)$/);
    expect(failure.detailLines).toEqual(['- [profile.not_enterprise] the profile is an App Store profile', '- [profile.bundle_id_mismatch] com.a is not covered']);
  });

  it('lists invalid fields of a refused request', () => {
    const details = { in: 'body', issues: [{ path: '/og', code: 'custom', message: 'must be a positive whole number' }] };
    expect(apiFailure(400, 'Bad Request', body('validation_failed', 'the body is not valid', details)).detailLines).toEqual([
      '- /og: must be a positive whole number',
    ]);
  });

  it('points at the token when the server does not accept it', () => {
    expect(apiFailure(401, 'Unauthorized', body('unauthenticated', 'the API token is not valid')).message).toBe(
      'the API token is not valid [unauthenticated] (HTTP 401) — check --token or PROVISIO_TOKEN',
    );
  });

  it('says so when the answer is not a Provisio error, such as a proxy page', () => {
    expect(apiFailure(502, 'Bad Gateway', '<html>bad gateway</html>').message).toMatch(
      /^the server answered HTTP 502 Bad Gateway without a Provisio error \(is this a Provisio server\?\)$/,
    );
  });
});
