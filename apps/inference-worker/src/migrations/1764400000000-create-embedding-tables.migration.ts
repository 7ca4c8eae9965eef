import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { GALLERY_CASES_TABLE } from '../entities/gallery-case.entity';
import { IMAGE_EMBEDDINGS_TABLE } from '../entities/image-embedding.entity';

/** The embedding table and the gallery metadata of cases. Portable: the Table API on MariaDB and SQLite. */
export class CreateEmbeddingTables1764400000000 implements MigrationInterface {
  readonly name = 'CreateEmbeddingTables1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);
    const ts = { type: 'datetime', precision: mysql ? 3 : undefined } as const;
    const text = mysql ? 'mediumtext' : 'text';
    await queryRunner.createTable(
      new Table({
        name: IMAGE_EMBEDDINGS_TABLE,
        columns: [
          { name: 'image_id', type: 'varchar', length: '200', isPrimary: true },
          { name: 'model_version', type: 'varchar', length: '120', isPrimary: true },
          { name: 'case_id', type: 'varchar', length: '200' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'error_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'slots', type: 'integer' },
          // 12 x 512 float32 = 24 KiB; MEDIUMBLOB leaves room for larger ensembles.
          { name: 'embedding', type: mysql ? 'mediumblob' : 'blob', isNullable: true },
          { name: 'face_boxes', type: text, isNullable: true },
          { name: 'landmarks', type: text, isNullable: true },
          { name: 'quality', type: text, isNullable: true },
          { name: 'crop_key', type: 'varchar', length: '200', isNullable: true },
          { name: 'access_level', type: 'varchar', length: '16', isNullable: true },
          { name: 'disorder_ids', type: text },
          { name: 'gene_symbols', type: text },
          { name: 'created_at', ...ts },
          { name: 'updated_at', ...ts },
        ],
        indices: [
          new TableIndex({ name: 'IDX_worker_embeddings_case', columnNames: ['case_id'] }),
          new TableIndex({ name: 'IDX_worker_embeddings_updated', columnNames: ['updated_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: GALLERY_CASES_TABLE,
        columns: [
          { name: 'case_id', type: 'varchar', length: '200', isPrimary: true },
          { name: 'access_level', type: 'varchar', length: '16' },
          { name: 'disorder_ids', type: text },
          { name: 'gene_symbols', type: text },
          { name: 'updated_at', ...ts },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(GALLERY_CASES_TABLE, true);
    await queryRunner.dropTable(IMAGE_EMBEDDINGS_TABLE, true);
  }
}
