import { describe, expect, it } from 'vitest';
import { CommandCache } from '../../src/store/command-cache.js';

const command = (commandId: number, commandUuid: string, bytes: number) => ({
  commandId,
  commandUuid,
  requestType: 'InstallProvisioningProfile',
  body: new Uint8Array(bytes),
});

describe('CommandCache', () => {
  it('answers a remembered command only under its own UUID', () => {
    const cache = new CommandCache();
    cache.remember(command(7, 'A', 10_000));
    expect(cache.get(7, 'A')?.body.length).toBe(10_000);
    expect(cache.get(7, 'B')).toBeUndefined();
    expect(cache.get(8, 'A')).toBeUndefined();
  });

  it('does not keep small commands, which come with the queue row that hands them out', () => {
    const cache = new CommandCache();
    cache.remember(command(1, 'small', 400));
    expect(cache.get(1, 'small')).toBeUndefined();
  });

  it('stays bounded however many commands pass through it', () => {
    const cache = new CommandCache();
    for (let id = 0; id < 10_000; id++) cache.remember(command(id, `u${id}`, 4_096));
    expect(cache.get(0, 'u0')).toBeUndefined();
    expect(cache.get(9_999, 'u9999')).toBeDefined();
  });
});
