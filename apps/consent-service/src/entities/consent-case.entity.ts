import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A case as consent-service knows it: who is responsible for it (the clinician who first invited
 * its patient or recorded a paper consent) and which version is current. consent-service never
 * reads case-service's tables; this row is its own record of the case.
 */
@Entity({ name: 'consent_cases' })
export class ConsentCaseEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 })
  caseId!: string;

  /**
   * The stable id of the case's consent across all its versions: what `consent.changed` and
   * `erase-case-photos` carry as `consentId`, and the FHIR Consent's id.
   */
  @Column({ name: 'series_id', type: 'varchar', length: 36 })
  seriesId!: string;

  /** JWT subject of the responsible clinician. */
  @Column({ name: 'responsible_clinician', type: 'varchar', length: 191 })
  responsibleClinician!: string;

  @Column({ name: 'institution_id', type: 'varchar', length: 191, nullable: true })
  institutionId!: string | null;

  @Column({ name: 'current_consent_id', type: 'varchar', length: 36, nullable: true })
  currentConsentId!: string | null;

  /** 0 until the first consent is recorded. */
  @Column({ name: 'current_version', type: 'integer', default: 0 })
  currentVersion!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
