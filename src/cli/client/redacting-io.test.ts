import { describe, expect, it } from 'vitest';
import { bufferIo } from '../io.js';
import { REDACTED, redactingIo } from './redacting-io.js';

describe('redactingIo', () => {
  it('hides every occurrence of the secret on both streams', () => {
    const io = bufferIo();
    const safe = redactingIo(io, 'prv_secret_value');
    safe.stdout('token prv_secret_value and prv_secret_value again\n');
    safe.stderr('Bearer prv_secret_value\n');
    expect(io.out()).toBe(`token ${REDACTED} and ${REDACTED} again\n`);
    expect(io.err()).toBe(`Bearer ${REDACTED}\n`);
  });

  it('leaves text alone for a secret too short to be a token', () => {
    const io = bufferIo();
    redactingIo(io, 'a').stdout('a table\n');
    expect(io.out()).toBe('a table\n');
  });
});
