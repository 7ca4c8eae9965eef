import { type Env, OpaqueCredentialService, createDataSource, loadConfig } from '@gmdb/platform';
import { type Command, InvalidArgumentError } from 'commander';
import type { DataSource } from 'typeorm';
import { findService } from '../service-registry';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new InvalidArgumentError('must be a whole number of days, 1 to 3650');
  return n;
}

/** Opens case-service's database (which owns institutions and their API keys). */
async function withCredentials<T>(env: Env, work: (service: OpaqueCredentialService) => Promise<T>): Promise<T> {
  const definition = findService('case-service');
  if (!definition?.database) throw new Error('case-service has no database definition');
  const config = loadConfig(definition.configSchema, env);
  let dataSource: DataSource | undefined;
  try {
    dataSource = await createDataSource(definition.database(config), {
      entities: definition.entities,
      migrations: definition.migrations,
    });
    const pending = await dataSource.showMigrations();
    if (pending) throw new Error('case-service\u2019s database is not migrated: run `gmdb migrate case-service` first');
    return await work(new OpaqueCredentialService(dataSource));
  } finally {
    await dataSource?.destroy();
  }
}

/** `gmdb apikey create|list|revoke`: institution API keys for hospital systems. */
export function registerApiKeyCommand(program: Command, env: Env): void {
  const apikey = program.command('apikey').description('institution API keys (printed once; only a hash is stored)');
  apikey
    .command('create')
    .description('create an API key for an institution and print it once')
    .requiredOption('--institution <id>', 'the institution the key acts for')
    .option('--scope <scope...>', 'scopes, e.g. cases:write cases:read', ['cases:read', 'cases:write'])
    .option('--label <text>', 'a note, e.g. which system uses it')
    .option('--expires-in-days <n>', 'lifetime in days (default: 365)', positiveInt, 365)
    .action(async (o: { institution: string; scope: string[]; label?: string; expiresInDays: number }) => {
      const { token, credential } = await withCredentials(env, (s) =>
        s.create({
          kind: 'institution-api-key',
          ownerId: o.institution,
          scopes: o.scope,
          label: o.label,
          expiresAt: new Date(Date.now() + o.expiresInDays * 86_400_000),
        }),
      );
      process.stdout.write(
        `API key ${credential.id} for institution ${credential.ownerId}, expires ${credential.expiresAt?.toISOString()}.\n` +
          `Store it now; it is not shown again:\n${token}\n`,
      );
    });
  apikey
    .command('list')
    .description('list API keys (never their secrets)')
    .option('--institution <id>', 'only this institution\u2019s keys')
    .action(async (o: { institution?: string }) => {
      const keys = await withCredentials(env, (s) => s.list({ ownerId: o.institution, kind: 'institution-api-key' }));
      for (const k of keys) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : `expires ${k.expiresAt?.toISOString() ?? 'never'}`;
        process.stdout.write(`${k.id}  ${k.ownerId}  ${k.prefix}  [${k.scopes.join(' ')}]  ${state}${k.label ? `  ${k.label}` : ''}\n`);
      }
      if (keys.length === 0) process.stdout.write('no API keys\n');
    });
  apikey
    .command('revoke')
    .description('revoke an API key at once')
    .argument('<id>', 'the key id (from `gmdb apikey list`)')
    .action(async (id: string) => {
      const revoked = await withCredentials(env, (s) => s.revoke(id));
      process.stdout.write(`revoked ${revoked.id} (${revoked.ownerId})\n`);
    });
}
