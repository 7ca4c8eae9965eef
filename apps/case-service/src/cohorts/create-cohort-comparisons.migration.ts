import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { COHORT_COMPARISONS_TABLE } from './cohort-comparison.entity';

/** Cohort comparisons. Portable: the Table API on MariaDB and SQLite. */
export class CreateCohortComparisons1764500000000 implements MigrationInterface {
  readonly name = 'CreateCohortComparisons1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);
    const ts = { type: 'datetime', precision: mysql ? 3 : undefined } as const;
    await queryRunner.createTable(
      new Table({
        name: COHORT_COMPARISONS_TABLE,
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'owner_subject', type: 'varchar', length: '191' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'permutations', type: 'integer' },
          { name: 'cases_a', type: 'integer' },
          { name: 'cases_b', type: 'integer' },
          { name: 'images_a', type: 'integer' },
          { name: 'images_b', type: 'integer' },
          { name: 'error_code', type: 'varchar', length: '64', isNullable: true },
          { name: 'result_key', type: 'varchar', length: '200', isNullable: true },
          { name: 'result', type: mysql ? 'longtext' : 'text', isNullable: true },
          { name: 'created_at', ...ts },
          { name: 'completed_at', ...ts, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'IDX_cohort_comparisons_owner', columnNames: ['owner_subject'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(COHORT_COMPARISONS_TABLE, true);
  }
}
