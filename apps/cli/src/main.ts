import { ConfigError, type Env } from '@gmdb/platform';
import { Command, CommanderError } from 'commander';
import { registerAnalyzeCommand } from './commands/analyze.command';
import { registerApiKeyCommand } from './commands/apikey.command';
import { registerConfigCommand } from './commands/config.command';
import { registerEncodeCommand } from './commands/encode.command';
import { registerEvalCommand } from './commands/eval.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerModelCommand } from './commands/model.command';
import { registerServeCommand } from './commands/serve.command';
import { registerStartCommand } from './commands/start.command';
import { registerSupergraphCommand } from './commands/supergraph.command';
import { registerTokenCommand } from './commands/token.command';
import { standaloneEnv } from './standalone/standalone.config';

/** The `gmdb` command line. Exit codes: 0 ok, 1 failure, 64 usage, 78 configuration. */
export function buildProgram(given: Env = process.env): Command {
  // Outside distributed mode the CLI works against standalone mode's data with its defaults
  // (the documented development JWT secret), exactly as `gmdb start` does.
  const env = given.GMDB_MODE === 'distributed' ? given : standaloneEnv(given);
  const program = new Command('gmdb')
    .description('GestaltMatcher Database backend')
    .showHelpAfterError()
    .exitOverride();
  registerStartCommand(program, env);
  registerServeCommand(program);
  registerMigrateCommand(program, env);
  registerTokenCommand(program, env);
  registerApiKeyCommand(program, env);
  registerConfigCommand(program, env);
  registerSupergraphCommand(program);
  registerModelCommand(program);
  registerEvalCommand(program);
  registerEncodeCommand(program, env);
  registerAnalyzeCommand(program, env);
  return program;
}

export async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) process.exit(e.exitCode === 1 ? 64 : e.exitCode);
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`gmdb: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}

if (require.main === module) void main();
