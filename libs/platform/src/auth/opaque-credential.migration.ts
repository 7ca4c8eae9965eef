import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { OPAQUE_CREDENTIALS_TABLE } from './opaque-credential.entity';

/**
 * Creates the opaque credential table with TypeORM's portable Table API (MySQL/MariaDB and
 * SQLite). The service that owns API keys and researcher tokens lists it among its migrations.
 */
export class CreateOpaqueCredentials1764201700000 implements MigrationInterface {
  name = 'CreateOpaqueCredentials1764201700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: OPAQUE_CREDENTIALS_TABLE,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'owner_id', type: 'varchar', length: '191' },
          { name: 'scopes', type: 'text' },
          { name: 'release_ids', type: 'text' },
          { name: 'label', type: 'varchar', length: '200', isNullable: true },
          { name: 'prefix', type: 'varchar', length: '32' },
          { name: 'secret_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'datetime' },
          { name: 'expires_at', type: 'datetime', isNullable: true },
          { name: 'revoked_at', type: 'datetime', isNullable: true },
          { name: 'last_used_at', type: 'datetime', isNullable: true },
        ],
      }),
      true,
    );
    await queryRunner.createIndex(
      OPAQUE_CREDENTIALS_TABLE,
      new TableIndex({ name: 'UQ_gmdb_opaque_credentials_prefix', columnNames: ['prefix'], isUnique: true }),
    );
    await queryRunner.createIndex(
      OPAQUE_CREDENTIALS_TABLE,
      new TableIndex({ name: 'IDX_gmdb_opaque_credentials_owner', columnNames: ['owner_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(OPAQUE_CREDENTIALS_TABLE, true);
  }
}
