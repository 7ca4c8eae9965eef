import { type DynamicModule, Module } from '@nestjs/common';
import { ConsentAccessService } from './access/consent-access.service';
import { GraphqlPrincipal } from './access/graphql-principal';
import { AuditQueryService } from './audit/audit-query.service';
import { AuditTrail } from './audit/audit-trail.service';
import { CaseConsentResolver } from './consents/case-consent.resolver';
import { ConsentFieldsResolver } from './consents/consent-fields.resolver';
import { ConsentController } from './consents/consent.controller';
import { ConsentEvents } from './consents/consent-events';
import { ConsentResolver } from './consents/consent.resolver';
import { ConsentService } from './consents/consent.service';
import { ConsentVersionWriter } from './consents/consent-version.writer';
import { ConsentSweep } from './erasure/consent.sweep';
import { ErasurePlanner } from './erasure/erasure.planner';
import { FhirController } from './fhir/fhir.controller';
import { FhirExportService } from './fhir/fhir-export.service';
import { InvitationController } from './invitations/invitation.controller';
import { InvitationService } from './invitations/invitation.service';
import { PatientAccountIssuer } from './invitations/patient-account.issuer';
import { PaperConsentController } from './paper/paper-consent.controller';
import { PaperConsentService } from './paper/paper-consent.service';
import { CaseRegistrationRepository } from './registrations/case-registration.repository';
import { AuditRepository } from './repositories/audit.repository';
import { ConsentRepository } from './repositories/consent.repository';
import { ErasureRepository } from './repositories/erasure.repository';
import { InvitationRepository } from './repositories/invitation.repository';
import { ScanStoreRepository } from './repositories/scan-store.repository';
import { TemplateRepository } from './repositories/template.repository';
import { TemplateResolver } from './templates/template.resolver';
import { TemplateService } from './templates/template.service';

/**
 * consent-service's own parts: templates, invitations and signing, self-service, paper
 * consents, FHIR export, audit trail, erasure scheduling. Needs the platform's database,
 * messaging (Outbox), S3 (ObjectStorage), auth and config, which the service module provides.
 */
@Module({})
export class ConsentModule {
  static forRoot(): DynamicModule {
    return {
      module: ConsentModule,
      controllers: [InvitationController, ConsentController, FhirController, PaperConsentController],
      providers: [
        ConsentRepository,
        InvitationRepository,
        AuditRepository,
        ErasureRepository,
        TemplateRepository,
        ScanStoreRepository,
        ConsentAccessService,
        CaseRegistrationRepository,
        GraphqlPrincipal,
        AuditTrail,
        AuditQueryService,
        ConsentEvents,
        ErasurePlanner,
        ConsentVersionWriter,
        ConsentService,
        InvitationService,
        PatientAccountIssuer,
        PaperConsentService,
        FhirExportService,
        TemplateService,
        ConsentSweep,
        TemplateResolver,
        ConsentResolver,
        ConsentFieldsResolver,
        CaseConsentResolver,
      ],
      exports: [ConsentSweep, ConsentService, CaseRegistrationRepository],
    };
  }
}
