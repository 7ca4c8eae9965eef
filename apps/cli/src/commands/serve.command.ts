import { runServiceMain } from '@gmdb/platform';
import type { Command } from 'commander';
import { SERVICES, findService } from '../service-registry';

/** `gmdb serve <app>`: one app as its own process (distributed mode, containers). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run one app as its own process (distributed mode: GMDB_MODE=distributed)')
    .argument('<app>', SERVICES.map((s) => s.name).join(' | '))
    .action(async (name: string) => {
      const definition = findService(name);
      if (!definition) {
        program.error(`unknown app "${name}"; one of: ${SERVICES.map((s) => s.name).join(', ')}`, { exitCode: 64 });
      }
      await runServiceMain(definition);
    });
}
