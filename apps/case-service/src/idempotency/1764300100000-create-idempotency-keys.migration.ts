import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/** The idempotency key table (portable Table API). */
export class CreateIdempotencyKeys1764300100000 implements MigrationInterface {
  readonly name = 'CreateIdempotencyKeys1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const type = queryRunner.connection.options.type;
    const ts = { type: 'datetime', precision: type === 'mysql' || type === 'mariadb' ? 3 : undefined } as const;
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { name: 'scope', type: 'varchar', length: '200', isPrimary: true },
          { name: 'idempotency_key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'status_code', type: 'integer', isNullable: true },
          { name: 'response_body', type: type === 'mysql' || type === 'mariadb' ? 'mediumtext' : 'text', isNullable: true },
          { name: 'created_at', ...ts },
          { name: 'expires_at', ...ts },
        ],
        indices: [new TableIndex({ name: 'IDX_idempotency_keys_expires', columnNames: ['expires_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotency_keys', true);
  }
}
