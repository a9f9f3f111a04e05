import { useState, type FormEvent } from 'react';
import { uploadApp } from '../../api/app-upload';
import type { UploadProgress } from '../../api/upload';
import { OgOptions } from '../../components/OgOptions';
import { FailureMessage } from '../../components/FailureMessage';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n-context';
import { useRouter } from '../../routing/router-context';
import { paths } from '../../routing/routes';
import { useSession } from '../../session/session-context';
import { FileField } from '../../components/FileField';
import { UploadStatus } from './UploadStatus';

/** Uploads an internal app (.ipa, optionally with its profile); every refusal is shown in words. */
export function UploadAppPage() {
  const { m } = useI18n();
  const { ogs, selectedOgId } = useSession();
  const { navigate } = useRouter();
  const [og, setOg] = useState(selectedOgId);
  const [ipa, setIpa] = useState<File | null>(null);
  const [profile, setProfile] = useState<File | null>(null);
  const [limitedDevices, setLimitedDevices] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [missingIpa, setMissingIpa] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissingIpa(ipa === null);
    if (ipa === null) return;
    setBusy(true);
    setFailure(undefined);
    setProgress(null);
    uploadApp({ og, ipa, profile, limitedDevices }, setProgress).then(
      (uploaded) => navigate(paths.app(uploaded.app.id, 'files')),
      (error: unknown) => {
        setFailure(error);
        setBusy(false);
      },
    );
  };
  const trail = [{ label: m.nav.resources }, { label: m.nav.apps }, { label: m.nav.native }, { label: m.nav.internal, to: paths.apps() }, { label: m.upload.title }];
  return (
    <>
      <PageHeader title={m.upload.title} trail={trail} />
      <form className="card upload-form" onSubmit={submit} noValidate>
        <p>{m.upload.intro}</p>
        <div className="field">
          <label htmlFor="upload-og">{m.upload.og}</label>
          <select id="upload-og" value={og} onChange={(event) => setOg(Number(event.target.value))}>
            <OgOptions ogs={ogs} />
          </select>
        </div>
        <FileField id="upload-ipa" label={m.upload.ipa} hint={m.upload.ipaHint} accept=".ipa" required onFile={setIpa} />
        {missingIpa && (
          <p className="field-error" role="alert">
            {m.upload.chooseIpa}
          </p>
        )}
        <FileField id="upload-profile" label={m.upload.profile} hint={m.upload.profileHint} accept=".mobileprovision" onFile={setProfile} />
        <div className="field checkbox">
          <input id="upload-limited" type="checkbox" checked={limitedDevices} onChange={(event) => setLimitedDevices(event.target.checked)} aria-describedby="upload-limited-hint" />
          <label htmlFor="upload-limited">{m.upload.limitedDevices}</label>
          <p id="upload-limited-hint" className="hint">
            {m.upload.limitedDevicesHint}
          </p>
        </div>
        {failure !== undefined && <FailureMessage error={failure} title={m.upload.refused} />}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {m.upload.submit}
          </button>
          {busy && <UploadStatus progress={progress} />}
        </div>
      </form>
    </>
  );
}
