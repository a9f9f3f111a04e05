/** Runs shorter than this show no progress line. */
const QUIET_MS = 2000;
const REDRAW_MS = 1000;

/**
 * A progress line on stderr for long runs: redrawn in place on a terminal, one line every few
 * seconds otherwise (a CI log). Silent for the first two seconds so short runs stay clean.
 */
export class ProgressLine {
  readonly #started = performance.now();
  #lastDrawn = 0;
  #drawnInPlace = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly inPlace: boolean,
  ) {}

  /** Shows `text` unless the last line was drawn too recently (`force` draws anyway). */
  update(text: () => string, force = false): void {
    const now = performance.now();
    const gap = this.inPlace ? REDRAW_MS : REDRAW_MS * 5;
    if (now - this.#started < QUIET_MS || (!force && now - this.#lastDrawn < gap)) return;
    this.#lastDrawn = now;
    const elapsed = `${((now - this.#started) / 1000).toFixed(0)} s`;
    if (this.inPlace) {
      this.write(`\r\x1b[K${text()}  ${elapsed}`);
      this.#drawnInPlace = true;
    } else this.write(`${text()}  ${elapsed}\n`);
  }

  /** Ends an in-place line so what follows starts on its own line. */
  finish(): void {
    if (this.#drawnInPlace) this.write('\n');
    this.#drawnInPlace = false;
  }
}
