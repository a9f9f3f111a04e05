import { describe, expect, it } from 'vitest';
import { requestFailed } from './cli-error.js';
import { unreachable } from './network-error.js';

const server = new URL('http://127.0.0.1:9/');

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

describe('unreachable', () => {
  it('names the server and explains the system error behind "fetch failed"', () => {
    const failure = unreachable(server, fetchFailed(withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED')));
    expect(failure.message).toBe('cannot reach the Provisio server at http://127.0.0.1:9/: connection refused (is the server running, and on this port?)');
  });

  it('looks inside an AggregateError, as when every address of a host refuses', () => {
    const refused = new AggregateError([withCode('connect ECONNREFUSED ::1:9', 'ECONNREFUSED')], 'all failed');
    expect(unreachable(server, fetchFailed(refused)).message).toMatch(/connection refused/);
  });

  it('falls back to the innermost message for unknown failures', () => {
    expect(unreachable(server, fetchFailed(new Error('something odd'))).message).toMatch(/: something odd$/);
  });

  it('suspects an upload limit when the connection is cut during an upload', () => {
    const cut = fetchFailed(withCode('write EPIPE', 'EPIPE'));
    const failure = unreachable(server, cut, true);
    expect(failure.message).toMatch(/cut the upload off: the server closed the connection$/);
    expect(failure.detailLines.join()).toMatch(/--max-ipa-size/);
    expect(unreachable(server, cut, false).message).toMatch(/^cannot reach/);
  });

  it('asks for the final address when an upload was redirected', () => {
    const failure = unreachable(server, fetchFailed(new Error('unexpected redirect')), true);
    expect(failure.message).toMatch(/redirected the upload elsewhere; pass the address it redirects to \(often https:\/\/\) as --server$/);
  });

  it('reports a CLI error raised while sending, such as a file that shrank, as it is', () => {
    const own = requestFailed('app.ipa shrank while it was being uploaded');
    expect(unreachable(server, fetchFailed(own), true)).toBe(own);
  });
});
