import { useI18n } from '../i18n/i18n-context';
import { Link } from '../routing/Link';
import { expiryTone } from './expiry-tone';

interface ExpiryNoteProps {
  readonly expiry: string | null;
  readonly daysLeft: number | null;
  /** Where "(Expires in XX days)" leads, e.g. the Files tab where the profile is renewed. */
  readonly to?: string;
}

/**
 * An expiry date with how long is left: "(Expires in 45 days)", amber within 60 days, red within
 * 30, "Expired" after. The words carry the meaning too, never the colour alone.
 */
export function ExpiryNote({ expiry, daysLeft, to }: ExpiryNoteProps) {
  const { m, format } = useI18n();
  if (expiry === null || daysLeft === null) return <span className="muted">{m.expiry.never}</span>;
  const tone = expiryTone(daysLeft);
  const note = daysLeft < 0 ? m.expiry.expired : daysLeft === 0 ? m.expiry.expiresToday : m.expiry.expiresIn(daysLeft);
  return (
    <span className="expiry">
      <time dateTime={expiry}>{format.date(expiry)}</time>{' '}
      {to === undefined ? (
        <span className={`expiry-note tone-${tone}`}>{note}</span>
      ) : (
        <Link to={to} className={`expiry-note tone-${tone}`}>
          {note}
        </Link>
      )}
    </span>
  );
}
