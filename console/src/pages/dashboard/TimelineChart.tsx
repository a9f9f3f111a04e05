import { useI18n } from '../../i18n/i18n-context';
import { CRITICAL_DAYS, WARNING_DAYS } from '../../components/expiry-tone';
import { axisMaximum, type TimelineWeek } from './timeline-weeks';

/** Drawing units: the SVG scales to its box, keeping this shape, so it never changes height. */
const LEFT = 46;
const SLOT = 12;
const BAR = 8;
const PANEL_HEIGHT = 78;
const APPS_TOP = 22;
const DEVICES_TOP = 136;
const MONTHS_Y = 232;
const HEIGHT = 240;

interface Series {
  readonly label: string;
  readonly top: number;
  readonly className: string;
  readonly value: (week: TimelineWeek) => number;
}

/**
 * Two bar charts over the same weeks: apps that stop (top) and devices they stop on (bottom),
 * each with its own scale. The first 30 and 60 days are shaded red and amber, like the expiry
 * notes. Every bar has a title; the table next to the chart holds the same figures in words.
 */
export function TimelineChart({ weeks, summaryId }: { readonly weeks: readonly TimelineWeek[]; readonly summaryId: string }) {
  const { m } = useI18n();
  const width = LEFT + weeks.length * SLOT;
  const series: readonly Series[] = [
    { label: m.dashboard.chartApps, top: APPS_TOP, className: 'bar-apps', value: (week) => week.apps.length },
    { label: m.dashboard.chartDevices, top: DEVICES_TOP, className: 'bar-devices', value: (week) => week.devices },
  ];
  const dayX = (day: number) => LEFT + (day / 7) * SLOT;
  return (
    <svg className="timeline-chart" viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-labelledby={summaryId}>
      {series.map((item) => (
        <g key={item.label}>
          <rect className="band-critical" x={dayX(0)} y={item.top} width={dayX(CRITICAL_DAYS + 1) - dayX(0)} height={PANEL_HEIGHT} />
          <rect className="band-warning" x={dayX(CRITICAL_DAYS + 1)} y={item.top} width={dayX(WARNING_DAYS + 1) - dayX(CRITICAL_DAYS + 1)} height={PANEL_HEIGHT} />
          <Panel series={item} weeks={weeks} width={width} />
        </g>
      ))}
      <MonthLabels weeks={weeks} />
    </svg>
  );
}

function Panel({ series, weeks, width }: { readonly series: Series; readonly weeks: readonly TimelineWeek[]; readonly width: number }) {
  const { m, format } = useI18n();
  const maximum = axisMaximum(Math.max(0, ...weeks.map(series.value)));
  const bottom = series.top + PANEL_HEIGHT;
  return (
    <>
      <text className="chart-title" x={0} y={series.top - 8}>
        {series.label}
      </text>
      <text className="chart-tick" x={LEFT - 6} y={series.top + 8} textAnchor="end">
        {format.number(maximum)}
      </text>
      <text className="chart-tick" x={LEFT - 6} y={bottom} textAnchor="end">
        0
      </text>
      <line className="chart-axis" x1={LEFT} x2={width} y1={bottom} y2={bottom} />
      {weeks.map((week, index) => {
        const value = series.value(week);
        if (value === 0) return null;
        const height = Math.max(2, (value / maximum) * PANEL_HEIGHT);
        return (
          <rect key={week.start} className={series.className} x={LEFT + index * SLOT + (SLOT - BAR) / 2} y={bottom - height} width={BAR} height={height}>
            <title>{m.dashboard.weekBar(format.day(week.start), week.apps.length, format.list(week.apps.map((app) => app.name)), week.devices)}</title>
          </rect>
        );
      })}
    </>
  );
}

/** Fewest weeks between two month names, so a month starting just after today does not overlap it. */
const MONTH_LABEL_GAP = 3;

/** The month's short name under the first week that starts in it. */
function MonthLabels({ weeks }: { readonly weeks: readonly TimelineWeek[] }) {
  const { format } = useI18n();
  const starts = weeks.flatMap((week, index) => (index === 0 || weeks[index - 1]?.start.slice(0, 7) !== week.start.slice(0, 7) ? [index] : []));
  const shown = starts.filter((index, position) => {
    const following = starts[position + 1];
    return following === undefined || following - index >= MONTH_LABEL_GAP;
  });
  return shown.map((index) => {
    const start = weeks[index]?.start ?? '';
    return (
      <text key={start} className="chart-tick" x={LEFT + index * SLOT} y={MONTHS_Y}>
        {format.month(start)}
      </text>
    );
  });
}
