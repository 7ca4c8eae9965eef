import { DataSource } from 'typeorm';
import { OpaqueCredentialEntity } from './opaque-credential.entity';
import { CreateOpaqueCredentials1764201700000 } from './opaque-credential.migration';

/** Tests only: an in-memory SQLite database with the credential table migrated. */
export async function credentialDataSource(): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: [OpaqueCredentialEntity],
    migrations: [CreateOpaqueCredentials1764201700000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
