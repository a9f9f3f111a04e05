import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { fetchNotices } from '../api/lifecycle';
import { useApi } from '../hooks/use-api';
import { useRefreshEvery } from '../hooks/use-refresh-every';
import { useI18n } from '../i18n/i18n-context';
import { NoticesPanel } from './NoticesPanel';

/** Notices are raised by the daily expiry scan: reading them once a minute is plenty. */
const REFRESH_MS = 60_000;
const PANEL_ID = 'notices-panel';

/**
 * The bell with the console notices (profiles and certificates nearing expiry) and their count.
 * It opens a panel under it; Escape or a click elsewhere closes it and focus returns to the bell.
 */
export function NoticesBell() {
  const { m, format } = useI18n();
  const notices = useApi((signal) => fetchNotices(signal), []);
  const [open, setOpen] = useState(false);
  const bell = useRef<HTMLButtonElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  useRefreshEvery(notices.reload, REFRESH_MS, !open);
  const close = useCallback(() => {
    setOpen(false);
    bell.current?.focus();
  }, []);
  const hide = useCallback(() => setOpen(false), []);
  useDismissOnOutside(open, frame, close, hide);
  const count = notices.data?.length ?? 0;
  return (
    <div className="notices" ref={frame}>
      <button
        ref={bell}
        type="button"
        className="bell"
        aria-expanded={open}
        aria-controls={PANEL_ID}
        aria-label={count === 0 ? m.header.notices : m.header.noticesCount(count)}
        onClick={() => setOpen((value) => !value)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {count > 0 && (
          <span className="badge" aria-hidden="true">
            {format.number(count)}
          </span>
        )}
      </button>
      {open && <NoticesPanel id={PANEL_ID} notices={notices} onClose={close} onLeave={hide} />}
    </div>
  );
}

/**
 * Closes the panel on Escape (focus back to the bell) and on a click outside `frame` (focus stays
 * where the click put it).
 */
function useDismissOnOutside(open: boolean, frame: RefObject<HTMLDivElement | null>, closeToBell: () => void, hide: () => void): void {
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeToBell();
    };
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Node && !frame.current?.contains(event.target)) hide();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open, frame, closeToBell, hide]);
}
