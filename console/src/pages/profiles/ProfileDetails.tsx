import type { ProfileDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { CertificatesTable } from './CertificatesTable';
import { EntitlementsList } from './EntitlementsList';
import { ProfileFacts } from './ProfileFacts';
import { ProvisionedDevices } from './ProvisionedDevices';

/** A profile in full: facts, certificates with their expiry, devices and entitlements. */
export function ProfileDetails({ profile, headingLevel }: { readonly profile: ProfileDetail; readonly headingLevel: 2 | 3 }) {
  const { m } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="profile-details">
      <ProfileFacts profile={profile} />
      <Heading>{m.profile.certificates}</Heading>
      <CertificatesTable certificates={profile.certificates} />
      <Heading>{m.profile.devices}</Heading>
      <ProvisionedDevices profile={profile} />
      <Heading>{m.profile.entitlements}</Heading>
      <EntitlementsList entitlements={profile.entitlements} />
    </div>
  );
}
