import type { CliIo } from '../io.js';
import type { ClientEnvironment } from './client-environment.js';
import { finishedLine, progressLine } from './progress-format.js';

/** From this size on, an upload to a terminal gets a live bar. */
export const LIVE_BAR_MIN_BYTES = 4 * 1024 * 1024;
/** Redraws at most this often, so a fast upload does not flood the terminal. */
const REDRAW_INTERVAL_MS = 100;

/** Hears how far an upload got. */
export interface UploadProgress {
  /** `sentBytes` of the whole request body went out. */
  update(sentBytes: number): void;
  /** The server answered: leave the final line. */
  finish(): void;
  /** The upload failed: end the bar's line so the error starts on its own. */
  abandon(): void;
}

/**
 * Progress of sending `label` (`totalBytes` in all) on stderr: a live bar redrawn in place when
 * stderr is a terminal and the upload is large, and in every case one plain line at the end
 * with the size, time and rate.
 */
export function uploadProgress(io: CliIo, environment: ClientEnvironment, label: string, totalBytes: number): UploadProgress {
  const started = environment.now();
  const live = environment.stderrIsTty && totalBytes >= LIVE_BAR_MIN_BYTES;
  let sentAt: number | undefined;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const draw = (sentBytes: number, now: number) => {
    const line = progressLine({ label, sentBytes, totalBytes, elapsedMs: now - started }, environment.columns);
    io.stderr(`\r${line}\x1b[K`);
    drawn = true;
    lastDraw = now;
  };
  return {
    update(sentBytes) {
      const now = environment.now();
      if (sentBytes >= totalBytes) sentAt ??= now;
      if (live && (sentBytes >= totalBytes || now - lastDraw >= REDRAW_INTERVAL_MS)) draw(sentBytes, now);
    },
    finish() {
      const elapsed = (sentAt ?? environment.now()) - started;
      io.stderr(`${drawn ? '\r\x1b[K' : ''}${finishedLine(label, totalBytes, elapsed)}\n`);
    },
    abandon() {
      if (drawn) io.stderr('\n');
    },
  };
}
