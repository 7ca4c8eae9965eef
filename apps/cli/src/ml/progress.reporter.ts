/**
 * Progress lines on stderr for long runs: silent for the first `quietMs`, then at most one line per
 * `everyMs`, and a last line when a reported run finishes. stdout stays one JSON document.
 */
export class ProgressReporter {
  private readonly started = Date.now();
  private last = 0;
  private shown = false;

  constructor(
    private readonly label: string,
    private readonly write: (line: string) => void = (line) => process.stderr.write(line),
    private readonly quietMs = 1000,
    private readonly everyMs = 1000,
  ) {}

  update(done: number, total: number | undefined, unit: string): void {
    const now = Date.now();
    if (now - this.started < this.quietMs || now - this.last < this.everyMs) return;
    this.last = now;
    this.shown = true;
    this.write(`${this.label}: ${done}${total ? `/${total}` : ''} ${unit}${total ? ` (${Math.floor((100 * done) / total)}%)` : ''}\n`);
  }

  done(message: string): void {
    if (this.shown) this.write(`${this.label}: ${message} in ${((Date.now() - this.started) / 1000).toFixed(1)} s\n`);
  }
}
