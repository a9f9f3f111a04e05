import type { AppVersion } from '../../api/types';
import { Facts } from '../../components/Facts';
import { useI18n } from '../../i18n/i18n-context';

/** The uploaded .ipa of a version. */
export function IpaFacts({ version }: { readonly version: AppVersion }) {
  const { m, format } = useI18n();
  return (
    <Facts
      items={[
        [m.appDetail.version, `${version.shortVersion} (${version.build})`],
        [m.appDetail.size, format.bytes(version.ipaSize)],
        [m.appDetail.uploaded, format.dateTime(version.uploadedAt)],
        [m.files.sha256, <span className="mono break">{version.ipaSha256}</span>],
      ]}
    />
  );
}
