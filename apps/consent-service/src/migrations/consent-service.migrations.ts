import type { EntityClass, MigrationClass } from '@gmdb/platform';
import { CaseRegistrationEntity } from '../entities/case-registration.entity';
import { ConsentAuditEventEntity } from '../entities/consent-audit-event.entity';
import { ConsentCaseEntity } from '../entities/consent-case.entity';
import { ConsentErasureEntity } from '../entities/consent-erasure.entity';
import { ConsentSignatureEntity } from '../entities/consent-signature.entity';
import { ConsentTemplateEntity } from '../entities/consent-template.entity';
import { ConsentVersionEntity } from '../entities/consent-version.entity';
import { InvitationEntity } from '../entities/invitation.entity';
import { PatientAccountEntity } from '../entities/patient-account.entity';
import { CreateConsentTables1764300000000 } from './1764300000000-create-consent-tables.migration';
import { SeedConsentTemplatesV1764300100000 } from './1764300100000-seed-consent-templates-v1.migration';
import { CreateCaseRegistrations1764300200000 } from './1764300200000-create-case-registrations.migration';

/** Every table consent-service owns, in one list (TypeORM never globs the disk). */
export const consentServiceEntities: EntityClass[] = [
  ConsentTemplateEntity,
  ConsentCaseEntity,
  ConsentVersionEntity,
  ConsentSignatureEntity,
  InvitationEntity,
  ConsentAuditEventEntity,
  ConsentErasureEntity,
  PatientAccountEntity,
  CaseRegistrationEntity,
];

/** consent-service's migrations in order. */
export const consentServiceMigrations: MigrationClass[] = [CreateConsentTables1764300000000, SeedConsentTemplatesV1764300100000, CreateCaseRegistrations1764300200000];
