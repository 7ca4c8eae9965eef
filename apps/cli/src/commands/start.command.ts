import { type Env, runUntilSignal } from '@gmdb/platform';
import type { Command } from 'commander';
import { startStandalone } from '../standalone/start-standalone';
import { developmentTokenFor } from './token.command';

/** `gmdb start`: the whole system in one process (standalone mode). */
export function registerStartCommand(program: Command, env: Env): void {
  program
    .command('start')
    .description('run every app in this process: SQLite and a local S3 server under GMDB_DATA_DIR, in-process jobs')
    .action(async () => {
      const system = await startStandalone(env);
      const out = process.stdout;
      out.write(`\nGMDB is running in standalone mode (data in ${system.env.GMDB_DATA_DIR}).\n`);
      for (const service of system.services) {
        if (service.url) out.write(`  ${service.name.padEnd(22)} ${service.url}\n`);
      }
      out.write(`\nGraphQL gateway: ${system.gatewayUrl}/graphql\n`);
      const token = await developmentTokenFor(system.env, { subject: 'dev-clinician', roles: ['clinician'] });
      if (token) {
        out.write(`Development token (role clinician, 12 h), send as "Authorization: Bearer <token>":\n${token}\n`);
      }
      out.write('Press Ctrl-C to stop.\n');
      runUntilSignal([{ name: 'standalone', url: system.gatewayUrl, close: () => system.close() }], 30_000);
    });
}
