import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

function isMysql(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/** The outbox and inbox tables, written with the Table API so it runs on MySQL and SQLite. */
export class CreateMessagingTables1764201600000 implements MigrationInterface {
  readonly name = 'CreateMessagingTables1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const timestamp = { type: 'datetime', precision: mysql ? 3 : undefined } as const;
    await queryRunner.createTable(
      new Table({
        name: 'outbox_messages',
        columns: [
          {
            name: 'id',
            // SQLite only auto-increments an INTEGER PRIMARY KEY.
            type: mysql ? 'bigint' : 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'message_id', type: 'varchar', length: '64', isNullable: false },
          { name: 'name', type: 'varchar', length: '64', isNullable: false },
          { name: 'payload', type: 'text', isNullable: false },
          { name: 'correlation_id', type: 'varchar', length: '128', isNullable: true },
          { name: 'job_id', type: 'varchar', length: '255', isNullable: true },
          { name: 'occurred_at', ...timestamp, isNullable: false },
          { name: 'published_at', ...timestamp, isNullable: true },
          { name: 'attempts', type: 'integer', default: 0, isNullable: false },
          { name: 'last_error', type: 'varchar', length: '1000', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'UQ_outbox_messages_message_id', columnNames: ['message_id'], isUnique: true }),
          new TableIndex({ name: 'IDX_outbox_messages_unpublished', columnNames: ['published_at', 'id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'processed_messages',
        columns: [
          { name: 'consumer', type: 'varchar', length: '100', isPrimary: true },
          { name: 'message_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64', isNullable: false },
          { name: 'processed_at', ...timestamp, isNullable: false },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('processed_messages');
    await queryRunner.dropTable('outbox_messages');
  }
}
