import type { RunningService } from './running-service';

export interface SignalIo {
  log(message: string): void;
  exit(code: number): void;
}

const defaultIo: SignalIo = {
  log: (message) => process.stderr.write(`${message}\n`),
  exit: (code) => process.exit(code),
};

/**
 * Keeps the process up until SIGINT or SIGTERM, then closes the services in reverse start order,
 * each bounded by `timeoutMs`. A second signal exits at once.
 */
export function runUntilSignal(services: RunningService[], timeoutMs: number, io: SignalIo = defaultIo): void {
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      io.log(`${signal} again: exiting now`);
      io.exit(130);
      return;
    }
    stopping = true;
    io.log(`${signal}: stopping ${services.map((s) => s.name).join(', ')}`);
    let failed = false;
    for (const service of [...services].reverse()) {
      try {
        await withTimeout(service.close(), timeoutMs);
      } catch (e) {
        failed = true;
        io.log(`${service.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    io.log(failed ? 'stopped with errors' : 'stopped');
    io.exit(failed ? 1 : 0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not stop within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
