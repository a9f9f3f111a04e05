import { describe, expect, it } from 'vitest';
import { bufferIo } from '../io.js';
import type { ClientEnvironment } from './client-environment.js';
import { LIVE_BAR_MIN_BYTES, uploadProgress } from './upload-progress.js';

function fakeEnvironment(stderrIsTty: boolean) {
  let clock = 1_000;
  const environment: ClientEnvironment = { env: {}, stderrIsTty, columns: 100, now: () => clock };
  return { environment, advance: (ms: number) => void (clock += ms) };
}

const LARGE = LIVE_BAR_MIN_BYTES * 2;

describe('uploadProgress', () => {
  it('redraws a live bar in place on a terminal, at most every 100 ms, then leaves one plain line', () => {
    const io = bufferIo();
    const { environment, advance } = fakeEnvironment(true);
    const progress = uploadProgress(io, environment, 'Field.ipa', LARGE);
    advance(150);
    progress.update(LARGE / 4);
    advance(10);
    progress.update(LARGE / 2);
    advance(150);
    progress.update(LARGE);
    advance(5_000);
    progress.finish();

    const redraws = io.err().split('\r').filter((part) => part.includes('%'));
    expect(redraws.map((part) => /(\d+)%/.exec(part)?.[1])).toEqual(['25', '100']);
    expect(io.err()).toMatch(/uploaded Field\.ipa: 8\.4 MB in 0\.3 s \(27\.\d MB\/s\)\n$/);
    expect(io.out()).toBe('');
  });

  it('prints only the final line when stderr is not a terminal', () => {
    const io = bufferIo();
    const { environment, advance } = fakeEnvironment(false);
    const progress = uploadProgress(io, environment, 'Field.ipa', LARGE);
    advance(2_000);
    progress.update(LARGE);
    progress.finish();
    expect(io.err()).toBe('uploaded Field.ipa: 8.4 MB in 2.0 s (4.2 MB/s)\n');
  });

  it('keeps small uploads to the final line even on a terminal', () => {
    const io = bufferIo();
    const progress = uploadProgress(io, fakeEnvironment(true).environment, 'profile.mobileprovision', 6_000);
    progress.update(6_000);
    progress.finish();
    expect(io.err()).not.toContain('\r');
    expect(io.err()).toMatch(/^uploaded profile\.mobileprovision: 6\.0 kB/);
  });

  it('ends the bar line when the upload fails, so the error starts on its own line', () => {
    const io = bufferIo();
    const { environment, advance } = fakeEnvironment(true);
    const progress = uploadProgress(io, environment, 'Field.ipa', LARGE);
    advance(200);
    progress.update(LARGE / 2);
    progress.abandon();
    expect(io.err().endsWith('\n')).toBe(true);
    expect(io.err()).not.toContain('uploaded');
  });
});
