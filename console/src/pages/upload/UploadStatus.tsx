import type { UploadProgress } from '../../api/upload';
import { useI18n } from '../../i18n/i18n-context';

/** How far the upload is, then that the server is checking the files (which can take a moment). */
export function UploadStatus({ progress }: { readonly progress: UploadProgress | null }) {
  const { m } = useI18n();
  const percent = progress === null || progress.total === 0 ? 0 : Math.round((progress.sent / progress.total) * 100);
  const done = percent >= 100;
  return (
    <div className="upload-status" aria-live="polite">
      <progress max={100} value={done ? undefined : percent} aria-label={done ? m.upload.checking : m.upload.progress(percent)} />
      <span>{done ? m.upload.checking : m.upload.progress(percent)}</span>
    </div>
  );
}
