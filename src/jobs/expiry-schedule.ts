/** The wall-clock minutes of `instant` in `timeZone` (an IANA name such as Europe/Amsterdam). */
function zonedMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

/**
 * The next instant after `now` at which the wall clock in `timeZone` reads `time` (`HH:MM`).
 * Walks minute by minute through the next 48 hours, so daylight-saving jumps need no special
 * case: a time the jump skips does not exist that day, and the next day's is found instead.
 */
export function nextDailyRun(now: Date, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  const target = (hours ?? 0) * 60 + (minutes ?? 0);
  const start = Math.floor(now.getTime() / 60_000) * 60_000 + 60_000;
  for (let candidate = start; candidate < start + 48 * 3_600_000; candidate += 60_000) {
    if (zonedMinutes(new Date(candidate), timeZone) === target) return new Date(candidate);
  }
  return new Date(start + 24 * 3_600_000);
}
