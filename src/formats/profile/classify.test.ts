import { describe, expect, it } from 'vitest';
import { classifyProfile, type ClassificationInput } from './classify.js';

const base: ClassificationInput = {
  platforms: ['iOS'],
  provisionsAllDevices: false,
  hasDeviceList: false,
  getTaskAllow: false,
};

describe('classifyProfile', () => {
  it.each([
    [{ provisionsAllDevices: true }, 'enterprise'],
    [{ provisionsAllDevices: true, platforms: ['OSX'] }, 'developer-id'],
    [{ hasDeviceList: true, getTaskAllow: true }, 'development'],
    [{ hasDeviceList: true, getTaskAllow: false }, 'adhoc'],
    [{ hasDeviceList: true, getTaskAllow: null }, 'adhoc'],
    [{ hasDeviceList: true, getTaskAllow: null, platforms: ['OSX'] }, 'development'],
    [{}, 'appstore'],
    [{ platforms: ['xrOS'], provisionsAllDevices: true }, 'enterprise'],
  ] as const)('%o is %s', (override, expected) => {
    expect(classifyProfile({ ...base, ...override })).toBe(expected);
  });
});
