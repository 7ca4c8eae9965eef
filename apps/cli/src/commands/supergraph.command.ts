import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SUPERGRAPH_PATH, committedSupergraph, composeFromCode } from '../supergraph/supergraph';

/** `gmdb supergraph [--check]`: compose the subgraphs' SDL and write (or check) the committed supergraph. */
export function registerSupergraphCommand(program: Command): void {
  program
    .command('supergraph')
    .description('compose the case, consent and doi subgraphs into apps/gateway/supergraph.graphql')
    .option('--check', 'fail (exit 1) when the committed file differs from a fresh composition')
    .action((options: { check?: boolean }) => {
      const composed = composeFromCode();
      if (options.check) {
        if (committedSupergraph() !== composed) {
          process.stderr.write(`${SUPERGRAPH_PATH} is stale: run \`npx gmdb supergraph\` and commit it\n`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write('supergraph is up to date\n');
        return;
      }
      writeFileSync(SUPERGRAPH_PATH, composed);
      process.stdout.write(`wrote ${SUPERGRAPH_PATH}\n`);
    });
}
