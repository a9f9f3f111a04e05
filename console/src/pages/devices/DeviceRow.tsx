import type { Device } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';

/** One enrolled device. */
export function DeviceRow({ device }: { readonly device: Device }) {
  const { m, format } = useI18n();
  return (
    <tr>
      <th scope="row">
        <Link to={paths.device(device.id)}>{device.name ?? m.devices.unnamed}</Link>
      </th>
      <td>{device.model ?? m.common.none}</td>
      <td>{device.osVersion ?? m.common.none}</td>
      <td className="mono">{device.serialNumber ?? m.common.none}</td>
      <td>{device.userName ?? m.common.none}</td>
      <td>{format.dateTime(device.lastSeenAt)}</td>
    </tr>
  );
}
