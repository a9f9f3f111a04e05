import { useEffect, useRef } from 'react';
import type { Notice } from '../api/lifecycle-types';
import { FailureMessage } from '../components/FailureMessage';
import type { Loaded } from '../hooks/use-api';
import { useI18n } from '../i18n/i18n-context';
import { NoticeItem } from './NoticeItem';

interface NoticesPanelProps {
  readonly id: string;
  readonly notices: Loaded<Notice[]>;
  /** Closes the panel and puts focus back on the bell. */
  readonly onClose: () => void;
  /** Closes the panel as a link leads elsewhere (the new page takes focus). */
  readonly onLeave: () => void;
}

/** The open bell: each notice in words with its dismiss button. Its heading takes focus. */
export function NoticesPanel({ id, notices, onClose, onLeave }: NoticesPanelProps) {
  const { m } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const items = notices.data ?? [];
  return (
    <div id={id} className="notices-panel" role="region" aria-labelledby={`${id}-heading`}>
      <div className="notices-title-row">
        <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {m.header.notices}
        </h2>
        <button type="button" className="button secondary" onClick={onClose}>
          {m.notices.close}
        </button>
      </div>
      {notices.error !== undefined && <FailureMessage error={notices.error} onRetry={notices.reload} />}
      {notices.data === undefined && notices.error === undefined && <p className="muted">{m.common.loading}</p>}
      {notices.data !== undefined && items.length === 0 && <p className="muted">{m.notices.none}</p>}
      {items.length > 0 && (
        <ul className="notice-list">
          {items.map((notice) => (
            <NoticeItem key={notice.id} notice={notice} onDismissed={notices.reload} onLeave={onLeave} />
          ))}
        </ul>
      )}
    </div>
  );
}
