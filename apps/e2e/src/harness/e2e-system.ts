import type { Role } from '@gmdb/domain';
import type { ExitStatus } from './app-process';

export type SystemMode = 'distributed' | 'standalone';

/** How each process ended on stop (exit code 0 = graceful shutdown). */
export interface StopReport {
  exits: Record<string, ExitStatus>;
  /** Per process, the log tail when it did not exit 0. */
  failures: string[];
  ms: number;
}

/** A running GMDB, whichever mode: the URLs the journeys speak to and the credentials they use. */
export interface E2eSystem {
  mode: SystemMode;
  gatewayUrl: string;
  caseUrl: string;
  consentUrl: string;
  /** Facts about this run worth printing (e.g. a stale committed supergraph). */
  notes: string[];
  /** ms from the first spawn to every app ready (build and migrations not included). */
  startupMs: number;
  /** `gmdb apikey create --institution <id>`: the key, printed once. */
  createApiKey(institutionId: string): Promise<string>;
  /** A user JWT signed with the system's development secret. */
  token(subject: string, roles: Role[], extra?: { institutionId?: string; caseIds?: string[] }): Promise<string>;
  /** The last log lines of every process (for failure messages). */
  logs(lines?: number): string;
  /** The first log line (of any process, seen or still to come) matching `pattern`. */
  waitForLog(pattern: RegExp, timeoutMs: number): Promise<string>;
  stop(): Promise<StopReport>;
}
