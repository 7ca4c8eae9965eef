/** One environment variable that failed validation, and why. Never carries the value itself. */
export interface ConfigIssue {
  variable: string;
  message: string;
}

/**
 * Thrown by `loadConfig` when the environment does not satisfy the schema. The message names every
 * bad variable so an operator can fix them all in one go; the app prints it and exits non-zero.
 */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      [
        `Invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}):`,
        ...issues.map((i) => `  - ${i.variable}: ${i.message}`),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function isConfigError(e: unknown): e is ConfigError {
  return e instanceof ConfigError;
}
