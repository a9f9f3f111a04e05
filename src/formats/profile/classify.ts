import type { ProfileType } from './types.js';

export interface ClassificationInput {
  readonly platforms: readonly string[];
  readonly provisionsAllDevices: boolean;
  /** Whether the ProvisionedDevices key is present (even when empty). */
  readonly hasDeviceList: boolean;
  readonly getTaskAllow: boolean | null;
}

const MACOS_PLATFORMS = new Set(['OSX', 'macOS']);

/**
 * Apple's own rule: all-devices profiles are in-house (Developer ID on macOS); device-list
 * profiles are development when the app may be debugged, otherwise ad hoc; the rest are for the
 * store. macOS has no ad-hoc kind, so a macOS device list always means development.
 */
export function classifyProfile(input: ClassificationInput): ProfileType {
  const isMac = input.platforms.some((platform) => MACOS_PLATFORMS.has(platform));
  if (input.provisionsAllDevices) return isMac ? 'developer-id' : 'enterprise';
  if (input.hasDeviceList) {
    if (isMac) return 'development';
    return input.getTaskAllow === true ? 'development' : 'adhoc';
  }
  return 'appstore';
}
