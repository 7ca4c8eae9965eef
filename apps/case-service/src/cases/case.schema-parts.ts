import type { EntityClass, MigrationClass } from '@gmdb/platform';
import { CreateIdempotencyKeys1764300100000 } from '../idempotency/1764300100000-create-idempotency-keys.migration';
import { IdempotencyRecordEntity } from '../idempotency/idempotency-record.entity';
import { CaseAncestryEntity } from './entities/case-ancestry.entity';
import { CaseDiagnosisEntity } from './entities/case-diagnosis.entity';
import { CaseGeneEntity } from './entities/case-gene.entity';
import { CaseMemberEntity } from './entities/case-member.entity';
import { CasePhenotypeEntity } from './entities/case-phenotype.entity';
import { CasePublicationEntity } from './entities/case-publication.entity';
import { CaseEntity } from './entities/case.entity';
import { CreateCases1764300000000 } from './migrations/1764300000000-create-cases.migration';
import { AnnounceExistingCases1764600000000 } from './migrations/1764600000000-announce-existing-cases.migration';

/** The tables of cases (and of idempotency keys), for case-service's entity list. */
export const CASE_ENTITIES: EntityClass[] = [
  CaseEntity,
  CasePublicationEntity,
  CaseDiagnosisEntity,
  CaseGeneEntity,
  CaseAncestryEntity,
  CasePhenotypeEntity,
  CaseMemberEntity,
  IdempotencyRecordEntity,
];

/** Their migrations, in order. */
export const CASE_MIGRATIONS: MigrationClass[] = [CreateCases1764300000000, CreateIdempotencyKeys1764300100000, AnnounceExistingCases1764600000000];
