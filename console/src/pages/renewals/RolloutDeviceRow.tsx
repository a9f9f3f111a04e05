import type { RolloutDevice } from '../../api/lifecycle-types';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';

/** One device of a rollout: when it last moved and, when it failed, what iOS said. */
export function RolloutDeviceRow({ device }: { readonly device: RolloutDevice }) {
  const { m, format } = useI18n();
  return (
    <tr>
      <th scope="row">
        <Link to={paths.device(device.deviceId)}>{device.name ?? m.devices.unnamed}</Link>
      </th>
      <td className="mono">{device.udid}</td>
      <td>{format.dateTime(device.updatedAt)}</td>
      <td>{device.oldRemoved ? m.common.yes : m.common.no}</td>
      <td>
        {device.errors.length === 0 ? (
          m.common.none
        ) : (
          <ul className="plain-list">
            {device.errors.map((error, index) => (
              <li key={index}>
                {error.description ?? m.rollout.noDescription} <span className="muted small mono">({error.domain} {error.code})</span>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
