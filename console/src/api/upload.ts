import { ApiFailure } from './api-failure';
import { apiUrl, csrfHeaders, readAnswer } from './client';

/** How far an upload has come, in bytes. */
export interface UploadProgress {
  readonly sent: number;
  readonly total: number;
}

/**
 * POSTs a multipart form. XMLHttpRequest rather than fetch: only it reports upload progress,
 * and an .ipa can be gigabytes.
 */
export function uploadForm<T>(path: string, form: FormData, onProgress: (progress: UploadProgress) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', apiUrl(path));
    request.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ sent: event.loaded, total: event.total });
    });
    request.addEventListener('load', () => {
      try {
        resolve(readAnswer<T>(request.status, request.responseText));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    request.addEventListener('error', () => reject(ApiFailure.network(new Error('upload failed'))));
    request.send(form);
  });
}
