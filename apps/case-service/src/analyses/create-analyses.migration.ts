import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { ANALYSES_TABLE } from './analysis.entity';

/** Analyses (photos asked about, and their results). Portable: the Table API on MariaDB and SQLite. */
export class CreateAnalyses1764300400000 implements MigrationInterface {
  readonly name = 'CreateAnalyses1764300400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);
    const ts = { type: 'datetime', precision: mysql ? 3 : undefined } as const;
    await queryRunner.createTable(
      new Table({
        name: ANALYSES_TABLE,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'owner_subject', type: 'varchar', length: '191' },
          { name: 'object_key', type: 'varchar', length: '200' },
          { name: 'content_type', type: 'varchar', length: '32' },
          { name: 'byte_size', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'width', type: 'integer' },
          { name: 'height', type: 'integer' },
          { name: 'slots', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'error_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'result_key', type: 'varchar', length: '200', isNullable: true },
          { name: 'result', type: mysql ? 'longtext' : 'text', isNullable: true },
          { name: 'created_at', ...ts },
          { name: 'completed_at', ...ts, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'IDX_analyses_owner', columnNames: ['owner_subject'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(ANALYSES_TABLE, true);
  }
}
