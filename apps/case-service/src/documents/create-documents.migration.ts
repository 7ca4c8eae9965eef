import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { DOCUMENTS_TABLE } from './document.entity';

/** Case documents (rows only; the bytes are in S3). Portable: the Table API on MariaDB and SQLite. */
export class CreateCaseDocuments1764300300000 implements MigrationInterface {
  readonly name = 'CreateCaseDocuments1764300300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);
    await queryRunner.createTable(
      new Table({
        name: DOCUMENTS_TABLE,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'title', type: 'varchar', length: '200', isNullable: true },
          { name: 'object_key', type: 'varchar', length: '200' },
          { name: 'content_type', type: 'varchar', length: '32' },
          { name: 'byte_size', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'datetime', precision: mysql ? 3 : undefined },
        ],
        indices: [new TableIndex({ name: 'IDX_case_documents_case', columnNames: ['case_id'] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['case_id'], referencedTableName: 'cases', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(DOCUMENTS_TABLE, true);
  }
}
