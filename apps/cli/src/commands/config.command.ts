import { describeConfig, type Env } from '@gmdb/platform';
import type { Command } from 'commander';
import { SERVICES } from '../service-registry';
import { standaloneConfigSchema } from '../standalone/standalone.config';

/** `gmdb config [app]`: every variable an app reads, its default and current value (secrets masked). */
export function registerConfigCommand(program: Command, env: Env): void {
  program
    .command('config')
    .description('list the environment variables of an app (or of all), with defaults and current values')
    .argument('[app]', SERVICES.map((s) => s.name).join(' | '))
    .option('--markdown', 'print the README table instead')
    .action((name: string | undefined, options: { markdown?: boolean }) => {
      const selected = name ? SERVICES.filter((s) => s.name === name) : SERVICES;
      if (selected.length === 0) program.error(`unknown app "${name}"`, { exitCode: 64 });
      const seen = new Set<string>();
      const rows = [
        ...selected.flatMap((s) => describeConfig(s.configSchema)),
        ...(name ? [] : describeConfig(standaloneConfigSchema)),
      ].filter((row) => (seen.has(row.variable) ? false : (seen.add(row.variable), true)));
      if (options.markdown) {
        process.stdout.write('| variable | default | description |\n|---|---|---|\n');
        for (const row of rows) {
          process.stdout.write(`| \`${row.variable}\` | ${row.default ? `\`${row.default}\`` : ''} | ${row.description} |\n`);
        }
        return;
      }
      for (const row of rows) {
        const value = env[row.variable];
        const shown = value === undefined ? `(default ${row.default ?? 'unset'})` : row.secret ? '********' : value;
        process.stdout.write(`${row.variable}=${shown}\n    ${row.description}\n`);
      }
    });
}
