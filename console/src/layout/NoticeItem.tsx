import { useState } from 'react';
import { dismissNotice } from '../api/lifecycle';
import type { Notice } from '../api/lifecycle-types';
import { daysLeftUntil } from '../components/days-left';
import { expiryTone } from '../components/expiry-tone';
import { FailureMessage } from '../components/FailureMessage';
import { describeNotice } from '../i18n/describe-notice';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../routing/Link';
import { paths } from '../routing/routes';
import { useSession } from '../session/session-context';

interface NoticeItemProps {
  readonly notice: Notice;
  readonly onDismissed: () => void;
  /** Called when the admin follows the notice's link away from the panel. */
  readonly onLeave: () => void;
}

/** One notice: what expires and when (coloured like the expiry notes), whom it stops, and dismiss. */
export function NoticeItem({ notice, onDismissed, onLeave }: NoticeItemProps) {
  const { m, format } = useI18n();
  const { ogNames } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const text = describeNotice(notice, m, format, ogNames);
  const tone = expiryTone(daysLeftUntil(notice.expiresAt));
  const dismiss = () => {
    setBusy(true);
    dismissNotice(notice.id).then(onDismissed, (error: unknown) => {
      setBusy(false);
      setFailure(error);
    });
  };
  return (
    <li className={`notice tone-border-${tone}`}>
      <p className="notice-headline">
        {notice.subjectType === 'profile' ? <Link to={paths.profile(notice.subjectId)} onClick={onLeave}>{text.headline}</Link> : text.headline}
      </p>
      <p className="small">{text.impact}</p>
      <button type="button" className="button secondary small-button" onClick={dismiss} disabled={busy} aria-label={m.notices.dismissNamed(text.headline)}>
        {m.notices.dismiss}
      </button>
      {failure !== undefined && <FailureMessage error={failure} />}
    </li>
  );
}
