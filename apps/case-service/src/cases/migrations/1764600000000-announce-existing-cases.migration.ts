import { EventName } from '@gmdb/domain';
import { OutboxMessageEntity } from '@gmdb/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Envelope ids of the announcements this migration writes (one per case, so a rerun adds none). */
const BACKFILL_ID_PREFIX = 'case-registered-backfill:';

/**
 * Announces every case that existed before case-service announced new cases (`case.registered`),
 * through the outbox, so consent-service learns who may start their consents. The relay
 * publishes the rows like any other; consent-service keeps the first registration of a case.
 */
export class AnnounceExistingCases1764600000000 implements MigrationInterface {
  readonly name = 'AnnounceExistingCases1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const cases = (await queryRunner.query('SELECT id, institution_id FROM cases ORDER BY created_at, id')) as { id: string; institution_id: string }[];
    if (cases.length === 0) return;
    const members = (await queryRunner.query(`SELECT case_id, subject FROM case_members WHERE role = 'clinician' ORDER BY subject`)) as { case_id: string; subject: string }[];
    const clinicians = new Map<string, string[]>();
    for (const m of members) clinicians.set(m.case_id, [...(clinicians.get(m.case_id) ?? []), m.subject]);
    const now = new Date();
    const rows = cases.map((c) => ({
      messageId: `${BACKFILL_ID_PREFIX}${c.id}`,
      name: EventName.CaseRegistered,
      payload: JSON.stringify({ caseId: c.id, institutionId: c.institution_id, clinicians: clinicians.get(c.id) ?? [] }),
      correlationId: null,
      jobId: null,
      occurredAt: now,
      publishedAt: null,
      attempts: 0,
      lastError: null,
    }));
    for (let i = 0; i < rows.length; i += 500) await queryRunner.manager.insert(OutboxMessageEntity, rows.slice(i, i + 500));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM outbox_messages WHERE message_id LIKE '${BACKFILL_ID_PREFIX}%' AND published_at IS NULL`);
  }
}
