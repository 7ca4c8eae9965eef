import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions, TableIndex } from 'typeorm';

function isMysql(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/** consent-service's tables, with the portable Table API (MariaDB and SQLite). */
export class CreateConsentTables1764300000000 implements MigrationInterface {
  readonly name = 'CreateConsentTables1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const time = (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: 'datetime',
      precision: mysql ? 3 : undefined,
      isNullable: nullable,
    });
    const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    });
    const long = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
    const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });

    await queryRunner.createTable(
      new Table({
        name: 'consent_templates',
        columns: [
          { ...text('version', 20), isPrimary: true },
          { ...text('language', 8), isPrimary: true },
          text('title', 300),
          long('introduction'),
          long('choices'),
          long('declaration'),
          long('withdrawal'),
          time('published_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'consent_cases',
        columns: [
          { ...text('case_id', 64), isPrimary: true },
          text('series_id', 36),
          text('responsible_clinician', 191),
          text('institution_id', 191, true),
          text('current_consent_id', 36, true),
          { ...int('current_version'), default: 0 },
          time('created_at'),
          time('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_consent_cases_clinician', columnNames: ['responsible_clinician'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'consent_versions',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('case_id', 64),
          text('series_id', 36),
          int('version'),
          text('state', 16),
          text('kind', 16),
          text('method', 16),
          text('template_version', 20),
          text('language', 8),
          long('choices'),
          text('signer_name', 200, true),
          text('signer_relation', 20, true),
          time('signed_at', true),
          { name: 'has_signature_image', type: 'boolean', default: false, isNullable: false },
          text('scan_key', 300, true),
          text('scan_content_type', 100, true),
          text('scan_sha256', 64, true),
          int('scan_size', true),
          time('effective_from'),
          time('withdrawn_at', true),
          text('withdrawal_reason', 2000, true),
          text('access_level', 16),
          text('responsible_clinician', 191),
          text('institution_id', 191, true),
          text('recorded_by', 191),
          text('invitation_id', 36, true),
          time('announced_at', true),
          time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_consent_versions_case_version', columnNames: ['case_id', 'version'], isUnique: true }),
          new TableIndex({ name: 'IDX_consent_versions_unannounced', columnNames: ['announced_at', 'created_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'consent_signatures',
        columns: [
          { ...text('consent_id', 36), isPrimary: true },
          { name: 'png', type: mysql ? 'mediumblob' : 'blob', isNullable: false },
          text('sha256', 64),
          int('width'),
          int('height'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'consent_invitations',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('case_id', 64),
          text('token_hash', 64),
          text('language', 8),
          text('template_version', 20),
          text('created_by', 191),
          time('created_at'),
          time('expires_at'),
          time('used_at', true),
          text('consent_id', 36, true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_consent_invitations_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IDX_consent_invitations_case', columnNames: ['case_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'consent_audit_events',
        columns: [
          { name: 'id', type: mysql ? 'bigint' : 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          text('case_id', 64),
          text('consent_id', 36, true),
          text('action', 40),
          text('actor_kind', 20),
          text('actor_subject', 191, true),
          text('actor_roles', 200),
          text('ip', 64, true),
          text('user_agent', 300, true),
          text('correlation_id', 128, true),
          long('details', true),
          time('occurred_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_consent_audit_events_case', columnNames: ['case_id', 'id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'consent_erasures',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('case_id', 64),
          text('consent_id', 36),
          text('series_id', 36),
          time('due_at'),
          text('status', 16),
          time('created_at'),
          time('queued_at', true),
          time('cancelled_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_consent_erasures_consent', columnNames: ['consent_id'], isUnique: true }),
          new TableIndex({ name: 'IDX_consent_erasures_due', columnNames: ['status', 'due_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'consent_patient_accounts',
        columns: [{ ...text('subject', 64), isPrimary: true }, text('case_id', 64), text('invitation_id', 36), time('created_at')],
        indices: [new TableIndex({ name: 'IDX_consent_patient_accounts_case', columnNames: ['case_id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'consent_patient_accounts',
      'consent_erasures',
      'consent_audit_events',
      'consent_invitations',
      'consent_signatures',
      'consent_versions',
      'consent_cases',
      'consent_templates',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
