import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import { CaseAncestryEntity } from './case-ancestry.entity';
import { CaseDiagnosisEntity } from './case-diagnosis.entity';
import { CaseGeneEntity } from './case-gene.entity';
import { CaseMemberEntity } from './case-member.entity';
import { CasePhenotypeEntity } from './case-phenotype.entity';
import { CasePublicationEntity } from './case-publication.entity';

export const CASES_TABLE = 'cases';

/** A contact as stored (JSON): ORCID as its bare id. */
export interface StoredContact {
  name: string;
  email?: string;
  orcid?: string;
  institution?: string;
}

/** A variant as stored (JSON): the HGVS / ISCN text, re-parsed when needed. */
export interface StoredVariant {
  gene?: string;
  hgvs?: string;
  iscn?: string;
  testMethod: string;
  zygosity: string;
}

/**
 * One patient's case. Lists that galleries filter on (diagnoses, genes, ancestry) and the
 * people the access policy asks about (clinicians, patients) are child tables; variants and
 * contacts are JSON (never queried).
 */
@Entity({ name: CASES_TABLE })
@Index('UQ_cases_institution_external', ['institutionId', 'externalId'], { unique: true })
export class CaseEntity {
  /** Opaque, stable, never reused (a UUID). */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'institution_id', type: 'varchar', length: 191 })
  institutionId!: string;

  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId!: string;

  /** literature | clinician | patient */
  @Column({ name: 'source_kind', type: 'varchar', length: 16 })
  sourceKind!: string;

  @Column({ name: 'publication_id', type: 'varchar', length: 36, nullable: true })
  publicationId!: string | null;

  @ManyToOne(() => CasePublicationEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'publication_id' })
  publication?: Relation<CasePublicationEntity> | null;

  /** The submitting clinician's contact of a `clinician` source. */
  @Column({ name: 'source_contact', type: 'simple-json', nullable: true })
  sourceContact!: StoredContact | null;

  @Index('IDX_cases_sex')
  @Column({ type: 'varchar', length: 16 })
  sex!: string;

  /** ISO 8601 duration, canonical. */
  @Column({ name: 'age_at_last_examination', type: 'varchar', length: 32, nullable: true })
  ageAtLastExamination!: string | null;

  /** The same age in days, for range filters. */
  @Column({ name: 'age_at_last_examination_days', type: 'integer', nullable: true })
  ageAtLastExaminationDays!: number | null;

  @Column({ type: 'simple-json' })
  variants!: StoredVariant[];

  @Column({ type: 'integer', nullable: true })
  distinctiveness!: number | null;

  /** private | fair | withdrawn; private until consent says otherwise. */
  @Index('IDX_cases_access_level')
  @Column({ name: 'access_level', type: 'varchar', length: 16 })
  accessLevel!: string;

  /** The consent (and its version) that last set the access level; older versions are ignored. */
  @Column({ name: 'consent_id', type: 'varchar', length: 200, nullable: true })
  consentId!: string | null;

  @Column({ name: 'consent_version', type: 'integer', nullable: true })
  consentVersion!: number | null;

  @Column({ type: 'boolean' })
  solved!: boolean;

  /** Bumped on every change; the gallery's secondary sort and optimistic checks use it. */
  @Column({ type: 'integer' })
  revision!: number;

  @Index('IDX_cases_created')
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;

  @OneToMany(() => CaseDiagnosisEntity, (d) => d.case)
  diagnoses?: CaseDiagnosisEntity[];

  @OneToMany(() => CaseGeneEntity, (g) => g.case)
  genes?: CaseGeneEntity[];

  @OneToMany(() => CaseAncestryEntity, (a) => a.case)
  ancestries?: CaseAncestryEntity[];

  @OneToMany(() => CasePhenotypeEntity, (p) => p.case)
  phenotypes?: CasePhenotypeEntity[];

  @OneToMany(() => CaseMemberEntity, (m) => m.case)
  members?: CaseMemberEntity[];
}
