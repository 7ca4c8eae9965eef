import {
  buildDataSourceOptions,
  createLogger,
  ensureDatabase,
  type Env,
  initializeDataSource,
  loadConfig,
  runMigrations,
} from '@gmdb/platform';
import type { Command } from 'commander';
import { SERVICES_WITH_DATABASE, type AnyServiceDefinition } from '../service-registry';

/** Brings one app's database to the latest migration, under the migration lock. Returns how many ran. */
export async function migrateService(definition: AnyServiceDefinition, env: Env): Promise<number> {
  const config = loadConfig(definition.configSchema, env);
  const connection = definition.database?.(config);
  if (!connection) return 0;
  const logger = createLogger({ name: `migrate:${definition.name}`, level: config.LOG_LEVEL });
  await ensureDatabase(connection);
  const dataSource = await initializeDataSource(
    buildDataSourceOptions(connection, { entities: definition.entities, migrations: definition.migrations }),
  );
  try {
    const ran = await runMigrations(dataSource, {
      logger: { log: (message: string) => logger.info(message) },
    });
    return ran.length;
  } finally {
    await dataSource.destroy();
  }
}

/** `gmdb migrate [app...]`: run pending migrations once (the k8s migrate Job runs this). */
export function registerMigrateCommand(program: Command, env: Env): void {
  program
    .command('migrate')
    .description('run pending migrations of every app with a database (or of the named ones), under a lock')
    .argument('[apps...]', SERVICES_WITH_DATABASE.map((s) => s.name).join(' | '))
    .action(async (names: string[]) => {
      const unknown = names.filter((n) => !SERVICES_WITH_DATABASE.some((s) => s.name === n));
      if (unknown.length > 0) program.error(`no database app named ${unknown.join(', ')}`, { exitCode: 64 });
      const selected = names.length ? SERVICES_WITH_DATABASE.filter((s) => names.includes(s.name)) : SERVICES_WITH_DATABASE;
      for (const definition of selected) {
        const ran = await migrateService(definition, env);
        process.stdout.write(`${definition.name}: ${ran} migration${ran === 1 ? '' : 's'} applied\n`);
      }
    });
}
