import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { IMAGES_TABLE } from './image.entity';

/** Case photos (rows only; the bytes are in S3). Portable: the Table API on MariaDB and SQLite. */
export class CreateCaseImages1764300200000 implements MigrationInterface {
  readonly name = 'CreateCaseImages1764300200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);
    const ts = { type: 'datetime', precision: mysql ? 3 : undefined } as const;
    await queryRunner.createTable(
      new Table({
        name: IMAGES_TABLE,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '36' },
          { name: 'modality', type: 'varchar', length: '16' },
          { name: 'age_at_capture', type: 'varchar', length: '32', isNullable: true },
          { name: 'age_at_capture_days', type: 'integer', isNullable: true },
          { name: 'object_key', type: 'varchar', length: '200' },
          { name: 'thumbnail_key', type: 'varchar', length: '200' },
          { name: 'content_type', type: 'varchar', length: '32' },
          { name: 'byte_size', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'width', type: 'integer' },
          { name: 'height', type: 'integer' },
          { name: 'encode_status', type: 'varchar', length: '16' },
          { name: 'encode_error_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'faces', type: 'text', isNullable: true },
          { name: 'crop_key', type: 'varchar', length: '200', isNullable: true },
          { name: 'model_version', type: 'varchar', length: '200', isNullable: true },
          { name: 'encoded_at', ...ts, isNullable: true },
          { name: 'created_at', ...ts },
        ],
        indices: [
          new TableIndex({ name: 'UQ_case_images_case_sha256', columnNames: ['case_id', 'sha256'], isUnique: true }),
          new TableIndex({ name: 'IDX_case_images_case', columnNames: ['case_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['case_id'], referencedTableName: 'cases', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(IMAGES_TABLE, true);
  }
}
