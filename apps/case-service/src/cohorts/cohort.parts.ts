import type { Provider } from '@nestjs/common';
import type { EntityClass, MessageHandlerClass, MigrationClass } from '@gmdb/platform';
import { CohortCasesRepository } from './cohort-cases.repository';
import { CohortComparisonCompletedHandler } from './cohort-comparison-completed.handler';
import { CohortComparisonController } from './cohort-comparison.controller';
import { CohortComparisonEntity } from './cohort-comparison.entity';
import { CohortComparisonRepository } from './cohort-comparison.repository';
import { CohortComparisonService } from './cohort-comparison.service';
import { CreateCohortComparisons1764500000000 } from './create-cohort-comparisons.migration';

/** The cohort comparison part of case-service, registered through its definition. */
export const COHORT_ENTITIES: EntityClass[] = [CohortComparisonEntity];
export const COHORT_MIGRATIONS: MigrationClass[] = [CreateCohortComparisons1764500000000];
export const COHORT_CONTROLLERS = [CohortComparisonController];
export const COHORT_HANDLERS: MessageHandlerClass[] = [CohortComparisonCompletedHandler];
export const COHORT_PROVIDERS: Provider[] = [CohortComparisonRepository, CohortCasesRepository, CohortComparisonService];
