/** The measured times of one run, printed as one table at its end (the lead quotes them). */
export class TimingTable {
  private readonly rows: { mode: string; step: string; ms: number; note: string }[] = [];

  constructor(private readonly mode: string) {}

  record(step: string, ms: number, note = ''): number {
    this.rows.push({ mode: this.mode, step, ms: Math.round(ms), note });
    return ms;
  }

  print(): void {
    if (this.rows.length === 0) return;
    const width = Math.max(...this.rows.map((r) => r.step.length));
    const lines = this.rows.map((r) => `| ${r.mode} | ${r.step.padEnd(width)} | ${String(r.ms).padStart(7)} ms | ${r.note} |`);
    console.log([`e2e timings (${this.mode}):`, `| mode | step | time | note |`, '|---|---|---:|---|', ...lines].join('\n'));
  }
}
