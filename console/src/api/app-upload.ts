import type { UploadedApp } from './types';
import { uploadForm, type UploadProgress } from './upload';

/** What the upload form collects. */
export interface AppUploadInput {
  readonly og: number;
  readonly ipa: File;
  /** Replaces the profile the .ipa embeds; null keeps the embedded one. */
  readonly profile: File | null;
  /** Accept a development or ad-hoc profile: installs are then limited to its devices. */
  readonly limitedDevices: boolean;
}

/** `POST /apps`: the text fields first, then the files, as the API documents them. */
export function uploadApp(input: AppUploadInput, onProgress: (progress: UploadProgress) => void): Promise<UploadedApp> {
  const form = new FormData();
  form.append('og', String(input.og));
  form.append('limitedDevices', String(input.limitedDevices));
  form.append('ipa', input.ipa, input.ipa.name);
  if (input.profile !== null) form.append('profile', input.profile, input.profile.name);
  return uploadForm<UploadedApp>('/apps', form, onProgress);
}
