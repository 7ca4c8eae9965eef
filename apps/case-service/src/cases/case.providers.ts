import type { Provider } from '@nestjs/common';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { IDEMPOTENCY_CLOCK, IdempotencyService } from '../idempotency/idempotency.service';
import { IdempotencySweeper } from '../idempotency/idempotency.sweeper';
import { CaseAccessService } from './case-access.service';
import { CaseController } from './case.controller';
import { CaseEventEmitter } from './case-events.emitter';
import { CaseInputPipe, CasePatchPipe } from './case-input.pipes';
import { CasePublicationRepository } from './case-publication.repository';
import { CaseQueryService } from './case-query.service';
import { CaseRepository } from './case.repository';
import { CASE_CLOCK, CaseWriteService } from './case-write.service';
import { CaseDiagnosisResolver } from './graphql/case-diagnosis.resolver';
import { CaseMutationResolver } from './graphql/case-mutation.resolver';
import { CaseResolver } from './graphql/case.resolver';
import { DisorderResolver } from './graphql/disorder.resolver';
import { GalleryResolver } from './graphql/gallery.resolver';
import { GeneResolver } from './graphql/gene.resolver';
import { ReferencePrincipal } from './graphql/reference-principal';
import { PublicCaseController } from './public-case.controller';

const systemClock = () => new Date();

/** The case parts of case-service, registered through its definition. */
export const CASE_PROVIDERS: Provider[] = [
  CaseRepository,
  CasePublicationRepository,
  CaseAccessService,
  CaseEventEmitter,
  CaseWriteService,
  CaseQueryService,
  CaseInputPipe,
  CasePatchPipe,
  IdempotencyService,
  IdempotencyInterceptor,
  IdempotencySweeper,
  CaseResolver,
  ReferencePrincipal,
  CaseDiagnosisResolver,
  DisorderResolver,
  GeneResolver,
  GalleryResolver,
  CaseMutationResolver,
  { provide: CASE_CLOCK, useValue: systemClock },
  { provide: IDEMPOTENCY_CLOCK, useValue: systemClock },
];

/** The REST controllers of cases. */
export const CASE_CONTROLLERS = [CaseController, PublicCaseController];
