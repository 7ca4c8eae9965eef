import { z } from 'zod';
import { ConfigError, ConfigIssue } from './config.error';

export type Env = Record<string, string | undefined>;

function toConfigIssue(issue: z.core.$ZodIssue): ConfigIssue {
  const variable = issue.path.length > 0 ? issue.path.map(String).join('.') : '(environment)';
  // Only the fact that a value is missing may be read from the input, never the value itself.
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  return { variable, message: missing ? 'is required' : issue.message };
}

/**
 * Validates the environment once, at boot. Returns the typed config or throws a `ConfigError`
 * naming every bad variable.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.output<S> {
  const result = schema.safeParse(env, { reportInput: true });
  if (result.success) return result.data;
  const seen = new Set<string>();
  const issues = result.error.issues.map(toConfigIssue).filter((i) => {
    const key = `${i.variable}\u0000${i.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  throw new ConfigError(issues);
}

/**
 * `loadConfig` for an app's entry point: on a `ConfigError` it prints the message (no stack trace)
 * and exits with status 78 (EX_CONFIG). Other errors propagate.
 */
export function loadConfigOrExit<S extends z.ZodType>(
  schema: S,
  env: Env = process.env,
  io: { write: (text: string) => void; exit: (code: number) => never } = {
    write: (text) => process.stderr.write(text),
    exit: (code) => process.exit(code),
  },
): z.output<S> {
  try {
    return loadConfig(schema, env);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.write(`${e.message}\n`);
      return io.exit(78);
    }
    throw e;
  }
}
