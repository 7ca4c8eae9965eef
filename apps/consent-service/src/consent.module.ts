import { type DynamicModule, Module } from '@nestjs/common';
import type { MessageRoutes } from '@gmdb/platform';
import { ConsentAccessService } from './access/consent-access.service';
import { GraphqlPrincipal } from './access/graphql-principal';
import { AuditQueryService } from './audit/audit-query.service';
import { AuditTrail } from './audit/audit-trail.service';
import { CaseConsentResolver } from './consents/case-consent.resolver';
import { ConsentFieldsResolver } from './consents/consent-fields.resolver';
import { ConsentController } from './consents/consent.controller';
import { ConsentEvents } from './consents/consent-events';
import { CONSENT_MESSAGE_ROUTES, DEFAULT_CONSENT_ROUTES } from './consents/consent-message-routes';
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
import { AuditRepository } from './repositories/audit.repository';
import { ConsentRepository } from './repositories/consent.repository';
import { ErasureRepository } from './repositories/erasure.repository';
import { InvitationRepository } from './repositories/invitation.repository';
import { ScanStoreRepository } from './repositories/scan-store.repository';
import { TemplateRepository } from './repositories/template.repository';
import { TemplateResolver } from './templates/template.resolver';
import { TemplateService } from './templates/template.service';

export interface ConsentModuleOptions {
  /** The routing table the app's Outbox uses (default MESSAGE_ROUTES); tests pass their own. */
  routes?: MessageRoutes;
}

/**
 * consent-service's own parts: templates, invitations and signing, self-service, paper
 * consents, FHIR export, audit trail, erasure scheduling. Needs the platform's database,
 * messaging (Outbox), S3 (ObjectStorage), auth and config, which the service module provides.
 */
@Module({})
export class ConsentModule {
  static forRoot(options: ConsentModuleOptions = {}): DynamicModule {
    return {
      module: ConsentModule,
      controllers: [InvitationController, ConsentController, FhirController, PaperConsentController],
      providers: [
        { provide: CONSENT_MESSAGE_ROUTES, useValue: options.routes ?? DEFAULT_CONSENT_ROUTES },
        ConsentRepository,
        InvitationRepository,
        AuditRepository,
        ErasureRepository,
        TemplateRepository,
        ScanStoreRepository,
        ConsentAccessService,
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
      exports: [ConsentSweep, ConsentService],
    };
  }
}
