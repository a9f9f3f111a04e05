import { CompactTable } from '../../components/CompactTable';
import { useI18n } from '../../i18n/i18n-context';
import type { TimelineWeek } from './timeline-weeks';

/** The chart's figures in words: each week in which something stops. */
export function TimelineTable({ weeks }: { readonly weeks: readonly TimelineWeek[] }) {
  const { m, format } = useI18n();
  const busy = weeks.filter((week) => week.apps.length > 0);
  if (busy.length === 0) return <p className="muted">{m.dashboard.nothingStops}</p>;
  return (
    <CompactTable label={m.dashboard.timeline} columns={[m.dashboard.weekOf, m.dashboard.chartApps, { heading: m.dashboard.chartDevices, figures: true }]}>
      {busy.map((week) => (
        <tr key={week.start}>
          <th scope="row">{format.day(week.start)}</th>
          <td>{format.list(week.apps.map((app) => app.name))}</td>
          <td className="number">{format.number(week.devices)}</td>
        </tr>
      ))}
    </CompactTable>
  );
}
