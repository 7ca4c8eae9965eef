import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

function isMysql(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

const caseFk = () =>
  new TableForeignKey({ columnNames: ['case_id'], referencedTableName: 'cases', referencedColumnNames: ['id'], onDelete: 'CASCADE' });

/** Cases, their publications and child lists; the Table API keeps it portable (MariaDB and SQLite). */
export class CreateCases1764300000000 implements MigrationInterface {
  readonly name = 'CreateCases1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ts = { type: 'datetime', precision: isMysql(queryRunner) ? 3 : undefined } as const;
    await queryRunner.createTable(
      new Table({
        name: 'case_publications',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'doi', type: 'varchar', length: '255', isNullable: true },
          { name: 'pubmed_id', type: 'integer', isNullable: true },
          { name: 'corresponding_author', type: 'text', isNullable: true },
          { name: 'created_at', ...ts },
        ],
        indices: [
          new TableIndex({ name: 'UQ_case_publications_doi', columnNames: ['doi'], isUnique: true }),
          new TableIndex({ name: 'UQ_case_publications_pubmed', columnNames: ['pubmed_id'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cases',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'institution_id', type: 'varchar', length: '191' },
          { name: 'external_id', type: 'varchar', length: '200' },
          { name: 'source_kind', type: 'varchar', length: '16' },
          { name: 'publication_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'source_contact', type: 'text', isNullable: true },
          { name: 'sex', type: 'varchar', length: '16' },
          { name: 'age_at_last_examination', type: 'varchar', length: '32', isNullable: true },
          { name: 'age_at_last_examination_days', type: 'integer', isNullable: true },
          { name: 'variants', type: 'text' },
          { name: 'distinctiveness', type: 'integer', isNullable: true },
          { name: 'access_level', type: 'varchar', length: '16' },
          { name: 'consent_id', type: 'varchar', length: '200', isNullable: true },
          { name: 'consent_version', type: 'integer', isNullable: true },
          { name: 'solved', type: 'boolean' },
          { name: 'revision', type: 'integer' },
          { name: 'created_at', ...ts },
          { name: 'updated_at', ...ts },
        ],
        indices: [
          new TableIndex({ name: 'UQ_cases_institution_external', columnNames: ['institution_id', 'external_id'], isUnique: true }),
          new TableIndex({ name: 'IDX_cases_sex', columnNames: ['sex'] }),
          new TableIndex({ name: 'IDX_cases_access_level', columnNames: ['access_level'] }),
          new TableIndex({ name: 'IDX_cases_created', columnNames: ['created_at'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['publication_id'],
            referencedTableName: 'case_publications',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );
    const child = (name: string, columns: TableColumnOptions[], index: TableIndex) =>
      queryRunner.createTable(
        new Table({
          name,
          columns: [{ name: 'case_id', type: 'varchar', length: '36', isPrimary: true }, ...columns],
          indices: [index],
          foreignKeys: [caseFk()],
        }),
      );
    await child(
      'case_diagnoses',
      [
        { name: 'position', type: 'integer', isPrimary: true },
        { name: 'disorder_id', type: 'varchar', length: '64' },
        { name: 'label', type: 'varchar', length: '500', isNullable: true },
      ],
      new TableIndex({ name: 'IDX_case_diagnoses_disorder', columnNames: ['disorder_id'] }),
    );
    await child(
      'case_genes',
      [
        { name: 'position', type: 'integer', isPrimary: true },
        { name: 'symbol', type: 'varchar', length: '64' },
        { name: 'hgnc_id', type: 'varchar', length: '32' },
      ],
      new TableIndex({ name: 'IDX_case_genes_symbol', columnNames: ['symbol'] }),
    );
    await child(
      'case_ancestries',
      [
        { name: 'position', type: 'integer', isPrimary: true },
        { name: 'ancestry_group', type: 'varchar', length: '64' },
        { name: 'hancestro_id', type: 'varchar', length: '32' },
        { name: 'countries', type: 'text' },
      ],
      new TableIndex({ name: 'IDX_case_ancestries_group', columnNames: ['ancestry_group'] }),
    );
    await child(
      'case_phenotypes',
      [
        { name: 'position', type: 'integer', isPrimary: true },
        { name: 'hpo_id', type: 'varchar', length: '16' },
        { name: 'excluded', type: 'boolean' },
      ],
      new TableIndex({ name: 'IDX_case_phenotypes_hpo', columnNames: ['hpo_id'] }),
    );
    await child(
      'case_members',
      [
        { name: 'role', type: 'varchar', length: '16', isPrimary: true },
        { name: 'subject', type: 'varchar', length: '191', isPrimary: true },
      ],
      new TableIndex({ name: 'IDX_case_members_subject', columnNames: ['subject'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['case_members', 'case_phenotypes', 'case_ancestries', 'case_genes', 'case_diagnoses', 'cases', 'case_publications']) {
      await queryRunner.dropTable(table, true);
    }
  }
}
