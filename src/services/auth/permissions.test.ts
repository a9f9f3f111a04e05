import { describe, expect, it } from 'vitest';
import { RESOURCES, roleAllows, roleWithin, type Permission } from './permissions.js';

const reads = RESOURCES.map((resource): Permission => `${resource}:read`);
const writes = RESOURCES.map((resource): Permission => `${resource}:write`);

describe('roleAllows', () => {
  it('lets every role read everything', () => {
    for (const role of ['system', 'app-admin', 'read-only'] as const) {
      expect(reads.every((permission) => roleAllows(role, permission))).toBe(true);
    }
  });

  it('lets system change everything and read-only nothing', () => {
    expect(writes.every((permission) => roleAllows('system', permission))).toBe(true);
    expect(writes.some((permission) => roleAllows('read-only', permission))).toBe(false);
  });

  it('lets app-admin change the app lifecycle and its tokens, not OGs, admins or the audit log', () => {
    const allowed = writes.filter((permission) => roleAllows('app-admin', permission));
    expect(allowed).toEqual(['tokens:write', 'apps:write', 'profiles:write', 'devices:write', 'renewals:write']);
  });
});

describe('roleWithin', () => {
  it('orders read-only below app-admin below system', () => {
    expect(roleWithin('read-only', 'app-admin')).toBe(true);
    expect(roleWithin('app-admin', 'app-admin')).toBe(true);
    expect(roleWithin('system', 'app-admin')).toBe(false);
    expect(roleWithin('app-admin', 'read-only')).toBe(false);
  });
});
