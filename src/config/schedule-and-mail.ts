const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:MM` on a 24-hour clock (`02:00`, `23:59`); undefined for anything else. */
export function parseTimeOfDay(text: string): string | undefined {
  const trimmed = text.trim();
  return TIME_OF_DAY.test(trimmed) ? trimmed : undefined;
}

/**
 * An IANA time zone name the runtime knows (`Europe/Amsterdam`, `UTC`); undefined otherwise.
 * Offsets such as `+01:00` are refused: they do not follow daylight saving time, which is what
 * a daily wall-clock time is for.
 */
export function parseTimeZone(text: string): string | undefined {
  const name = text.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return undefined;
  }
}

/** An `smtp://` or `smtps://` URL with a host; undefined otherwise. */
export function parseSmtpUrl(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '' ? text : undefined;
}

const ADDRESS = String.raw`[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+`;
const MAILBOX = new RegExp(`^(?:${ADDRESS}|[^<>@]*<${ADDRESS}>)$`);

/** One mailbox: `alerts@example.com` or `Provisio <alerts@example.com>`; undefined otherwise. */
export function parseMailbox(text: string): string | undefined {
  const trimmed = text.trim();
  return MAILBOX.test(trimmed) ? trimmed : undefined;
}
