import type { MdmEnrollment } from '../../store/mdm-enrollment.repository.js';
import type { Repositories } from '../../store/repositories.js';
import type { DeviceIdentityCertificate } from '../identity/index.js';
import { refused } from './device-request-error.js';

/**
 * The enrolled device an identity speaks for, when the message names that same device. A
 * message claiming another UDID, or from an identity bound to nobody, is refused: this is what
 * keeps one device from reading or answering another's commands.
 */
export async function enrolledDevice(
  repositories: Pick<Repositories, 'mdmEnrollments'>,
  identity: DeviceIdentityCertificate,
  udid: string | undefined,
  { requireEnabled }: { readonly requireEnabled: boolean },
): Promise<MdmEnrollment> {
  const enrollment = await repositories.mdmEnrollments.findByIdentity(identity.sha256);
  if (enrollment === undefined) throw refused('mdm.not_enrolled', 'this identity has not authenticated');
  if (udid !== enrollment.udid) throw refused('mdm.identity_mismatch', 'the message names another device than its identity');
  if (requireEnabled && !enrollment.enabled) throw refused('mdm.not_enrolled', 'the device checked out');
  return enrollment;
}
