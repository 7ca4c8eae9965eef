import type { Env } from '@gmdb/platform';
import type { Command } from 'commander';
import { configReference, configReferenceMarkdown } from '../config-reference';
import { SERVICES } from '../service-registry';

/** `gmdb config [app]`: every variable an app reads, its default and current value (secrets masked). */
export function registerConfigCommand(program: Command, env: Env): void {
  program
    .command('config')
    .description('list the environment variables of an app (or of all), with defaults and current values')
    .argument('[app]', SERVICES.map((s) => s.name).join(' | '))
    .option('--markdown', 'print the README table of all variables instead')
    .action((name: string | undefined, options: { markdown?: boolean }) => {
      if (options.markdown) {
        process.stdout.write(`${configReferenceMarkdown()}\n`);
        return;
      }
      if (name && !SERVICES.some((s) => s.name === name)) program.error(`unknown app "${name}"`, { exitCode: 64 });
      for (const row of configReference(name ? [name] : undefined)) {
        const value = env[row.variable];
        const shown = value === undefined || value === '' ? `(default: ${row.default ?? 'unset'})` : row.secret ? '********' : value;
        process.stdout.write(`${row.variable}=${shown}\n    ${row.description}\n`);
      }
    });
}
