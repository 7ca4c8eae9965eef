import { z } from 'zod';
import { describeConfig } from './config.describe';
import { Env, loadConfig } from './config.loader';

export const MASK = '********';

/** One variable as the running process sees it (`gmdb config`). */
export interface EffectiveConfigRow {
  variable: string;
  /** The parsed value as text; secrets are masked; absent when unset. */
  value?: string;
  /** Where the value comes from. */
  source: 'environment' | 'default' | 'unset';
  secret: boolean;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Validates `env` with the schema (a `ConfigError` names every bad variable) and lists each
 * variable's effective value, secrets masked, marking which ones fell back to their default.
 */
export function effectiveConfig(schema: z.ZodType, env: Env = process.env): EffectiveConfigRow[] {
  const config = loadConfig(schema, env) as Record<string, unknown>;
  return describeConfig(schema).map((row) => {
    const value = config[row.variable];
    const raw = env[row.variable];
    const fromEnv = raw !== undefined && raw.trim() !== '';
    if (value === undefined) return { variable: row.variable, source: 'unset', secret: row.secret };
    return {
      variable: row.variable,
      value: row.secret ? MASK : text(value),
      source: fromEnv ? 'environment' : 'default',
      secret: row.secret,
    };
  });
}

/** `VARIABLE=value` lines, `# default` / `# unset` marked, for the CLI. */
export function formatEffectiveConfig(rows: readonly EffectiveConfigRow[]): string {
  const width = Math.max(...rows.map((r) => r.variable.length));
  return rows
    .map((r) => {
      const left = `${r.variable.padEnd(width)} = ${r.value ?? ''}`;
      return r.source === 'environment' ? left : `${left}  # ${r.source}`;
    })
    .join('\n');
}
