import { fetchTimeline } from '../../api/lifecycle';
import { FailureMessage } from '../../components/FailureMessage';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { TimelineChart } from './TimelineChart';
import { TimelineTable } from './TimelineTable';
import { timelineWeeks, utcDay, type TimelineWeek } from './timeline-weeks';

const SUMMARY_ID = 'timeline-summary';

/**
 * The apps and devices that stop, per week, for the next year, in the chosen group. The chart
 * keeps its size while loading (empty weeks), so nothing below it moves when the data arrives.
 */
export function ExpiryTimeline() {
  const { m } = useI18n();
  const { selectedOgId } = useSession();
  const timeline = useApi((signal) => fetchTimeline(selectedOgId, signal), [selectedOgId]);
  const weeks = timelineWeeks(timeline.data ?? [], utcDay(new Date()));
  return (
    <figure className="timeline" aria-busy={timeline.loading}>
      <figcaption id={SUMMARY_ID} className="timeline-summary">
        {timeline.data === undefined ? m.common.loading : <Summary weeks={weeks} />}
      </figcaption>
      {timeline.error !== undefined && <FailureMessage error={timeline.error} onRetry={timeline.reload} />}
      <TimelineChart weeks={weeks} summaryId={SUMMARY_ID} />
      <details className="timeline-details">
        <summary>{m.dashboard.showAsTable}</summary>
        <TimelineTable weeks={weeks} />
      </details>
    </figure>
  );
}

function Summary({ weeks }: { readonly weeks: readonly TimelineWeek[] }) {
  const { m, format } = useI18n();
  const apps = new Set(weeks.flatMap((week) => week.apps.map((app) => app.appId)));
  const first = weeks.find((week) => week.apps.length > 0);
  if (first === undefined) return m.dashboard.nothingStops;
  // A device can lose apps in several weeks: the worst week is a count of distinct devices, a sum is not.
  const worst = Math.max(...weeks.map((week) => week.devices));
  return m.dashboard.timelineSummary(apps.size, worst, format.day(first.start));
}
