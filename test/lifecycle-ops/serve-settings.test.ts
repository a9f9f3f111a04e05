import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

describe('provisio serve with bad schedule or mail settings', () => {
  it('names each bad setting and exits 2 without starting', async () => {
    const io = bufferIo();
    const code = await main(['serve', '--expiry-scan-time', '25:00', '--expiry-time-zone', 'Europe/Atlantis', '--smtp-url', 'smtp://mail.example.com'], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('--expiry-scan-time: must be a time HH:MM from 00:00 to 23:59');
    expect(io.err()).toContain('--expiry-time-zone: must be an IANA time zone name such as Europe/Amsterdam or UTC');
    expect(io.out()).not.toContain('listening');
  });
});
