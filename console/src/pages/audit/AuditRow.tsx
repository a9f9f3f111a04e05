import type { AuditEntry } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';
import type { Messages } from '../../i18n/messages';
import { useSession } from '../../session/session-context';

interface AuditRowProps {
  readonly entry: AuditEntry;
  /** Usernames of the admins in reach, by id; others show as "Admin #id". */
  readonly usernames: ReadonlyMap<number, string>;
}

/** One audit entry: when, who, what, on which object and group, from where. */
export function AuditRow({ entry, usernames }: AuditRowProps) {
  const { m, format } = useI18n();
  const { ogNames } = useSession();
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
      </td>
      <td>{actorName(entry, usernames, m.audit)}</td>
      <td className="mono">{entry.action}</td>
      <td>{entry.objectType === null ? m.common.none : `${entry.objectType} #${entry.objectId ?? '?'}`}</td>
      <td>{ogNames.get(entry.ogId) ?? `#${entry.ogId}`}</td>
      <td className="mono">{entry.remoteAddress ?? m.common.none}</td>
    </tr>
  );
}

function actorName(entry: AuditEntry, usernames: ReadonlyMap<number, string>, words: Messages['audit']): string {
  const { kind, id } = entry.actor;
  if (kind === 'system' || id === null) return words.system;
  if (kind === 'token') return words.token(id);
  return usernames.get(id) ?? words.admin(id);
}
