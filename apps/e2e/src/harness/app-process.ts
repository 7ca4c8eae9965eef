import { type ChildProcess, spawn } from 'node:child_process';
import { GMDB_BIN, REPOSITORY_ROOT } from './repository-root';

export type ProcessEnv = Record<string, string | undefined>;

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const MAX_LINES = 3000;
const MAX_LINE_CHARS = 700;
/** The AWS SDK's Node 20 notice (printed by every app at start), blank stderr lines. */
const NOISE = /^\s*$|NodeVersionSupportWarning|AWS SDK for JavaScript|will require node >=22|You are running node|To continue receiving updates|and security updates please|More information can be found at: https:\/\/a\.co\/|node --trace-warnings|versions published after/;

/**
 * One `node bin/gmdb.js <args>` child process: its stdout and stderr kept line by line (the last
 * lines, for failure messages), its exit awaited, stopped with SIGTERM.
 */
export class AppProcess {
  readonly name: string;
  private readonly child: ChildProcess;
  private readonly lines: { tagged: string; raw: string }[] = [];
  private readonly listeners = new Set<(line: string) => void>();
  readonly exited: Promise<ExitStatus>;
  private exitStatus: ExitStatus | undefined;

  private constructor(name: string, args: string[], env: ProcessEnv) {
    this.name = name;
    this.child = spawn(process.execPath, [GMDB_BIN, ...args], {
      cwd: REPOSITORY_ROOT,
      // NODE_OPTIONS passes through (e.g. --cpu-prof to profile the apps under a benchmark).
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_OPTIONS: process.env.NODE_OPTIONS, ...env, GMDB_SKIP_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.capture(this.child.stdout, 'out');
    this.capture(this.child.stderr, 'err');
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        resolve(this.exitStatus);
      });
    });
  }

  /** Starts `gmdb <args>` (no build: the harness built once before). */
  static start(name: string, args: string[], env: ProcessEnv): AppProcess {
    return new AppProcess(name, args, env);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitStatus === undefined;
  }

  /** Everything captured so far (the last lines), for error messages. */
  output(last = 60): string {
    return this.lines
      .slice(-last)
      .map((l) => (l.tagged.length > MAX_LINE_CHARS ? `${l.tagged.slice(0, MAX_LINE_CHARS)}…` : l.tagged))
      .join('\n');
  }

  /** Resolves with the first line (already seen or still to come) that matches. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const seen = this.lines.map((l) => l.raw.match(pattern)).find((m) => m !== null);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${this.name}: no line matching ${pattern} within ${timeoutMs} ms\n${this.output()}`)), timeoutMs);
      const onLine = (line: string) => {
        const match = line.match(pattern);
        if (match) done(undefined, match);
      };
      const onExit = (status: ExitStatus) => done(new Error(`${this.name} exited (${status.code ?? status.signal}) before printing ${pattern}\n${this.output()}`));
      const done = (error?: Error, match?: RegExpMatchArray) => {
        clearTimeout(timer);
        this.listeners.delete(onLine);
        if (error) reject(error);
        else if (match) resolve(match);
      };
      this.listeners.add(onLine);
      void this.exited.then(onExit);
    });
  }

  /** SIGTERM, then the exit status (SIGKILL after `timeoutMs`, reported as such). */
  async stop(timeoutMs = 20_000): Promise<ExitStatus> {
    if (this.exitStatus) return this.exitStatus;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private capture(stream: NodeJS.ReadableStream | null, channel: 'out' | 'err'): void {
    if (!stream) return;
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const part of parts) this.push(channel === 'err' ? `[${this.name}!] ${part}` : `[${this.name}] ${part}`, part);
    });
  }

  private push(tagged: string, raw: string): void {
    if (NOISE.test(raw)) return;
    this.lines.push({ tagged, raw });
    if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
    for (const listener of this.listeners) listener(raw);
  }
}
