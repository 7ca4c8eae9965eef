import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CONSENT_TEMPLATE_V1_DE } from '../templates/consent-template-v1.de';
import { CONSENT_TEMPLATE_V1_EN } from '../templates/consent-template-v1.en';

/** `2026-11-01 00:00:00.000`: a UTC DATETIME literal both engines accept (the apps read dates as UTC). */
function utcDatetime(iso: string): string {
  return new Date(iso).toISOString().replace('T', ' ').replace('Z', '');
}

/** Publishes consent form version 1 in English and German. */
export class SeedConsentTemplatesV1764300100000 implements MigrationInterface {
  readonly name = 'SeedConsentTemplatesV1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const t of [CONSENT_TEMPLATE_V1_EN, CONSENT_TEMPLATE_V1_DE]) {
      // Plain SQL with ? placeholders: the same on MariaDB and SQLite, and independent of entity classes.
      await queryRunner.query(
        'INSERT INTO consent_templates (version, language, title, introduction, choices, declaration, withdrawal, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [t.version, t.language, t.title, t.introduction, JSON.stringify(t.choices), t.declaration, t.withdrawal, utcDatetime(t.publishedAt)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM consent_templates WHERE version = ?', ['1']);
  }
}
