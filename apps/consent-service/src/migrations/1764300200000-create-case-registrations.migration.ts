import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** `consent_case_registrations`: the cases case-service registered, with their responsible clinicians. */
export class CreateCaseRegistrations1764300200000 implements MigrationInterface {
  readonly name = 'CreateCaseRegistrations1764300200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);
    await queryRunner.createTable(
      new Table({
        name: 'consent_case_registrations',
        columns: [
          { name: 'case_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'institution_id', type: 'varchar', length: '191' },
          { name: 'clinicians', type: 'text' },
          { name: 'registered_at', type: 'datetime', precision: mysql ? 3 : undefined },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('consent_case_registrations', true);
  }
}
