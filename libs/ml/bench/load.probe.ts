import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

interface CpuSample {
  busy: number;
  total: number;
  own: number;
}

function sample(): CpuSample {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3] + line[4];
  const total = line.reduce((a, b) => a + b, 0);
  const usage = process.cpuUsage();
  return { busy: total - idle, total, own: (usage.user + usage.system) / 1e6 };
}

/** Cores kept busy by other processes over `ms` (the machine-wide busy time minus this process's). */
export async function foreignCores(ms = 1000): Promise<number> {
  const a = sample();
  await new Promise((r) => setTimeout(r, ms));
  const b = sample();
  const hz = 100; // USER_HZ on Linux
  const busySeconds = (b.busy - a.busy) / hz;
  const ownSeconds = b.own - a.own;
  return Math.max(0, (busySeconds - ownSeconds) / (ms / 1000));
}

export function loadLine(): string {
  const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  return `load average ${one} ${five} ${fifteen} on ${cpus().length} cores`;
}
