import type { Provider } from '@nestjs/common';
import type { EntityClass, MessageHandlerClass, MigrationClass } from '@gmdb/platform';
import { AnalysisCompletedHandler } from './analysis-completed.handler';
import { AnalysisController } from './analysis.controller';
import { AnalysisEntity } from './analysis.entity';
import { AnalysisRepository } from './analysis.repository';
import { AnalysisService } from './analysis.service';
import { CreateAnalyses1764300400000 } from './create-analyses.migration';
import { AnalysisResolver } from './graphql/analysis.resolver';

/** The analyses part of case-service, registered through its definition (needs MEDIA_PROVIDERS of images). */
export const ANALYSIS_ENTITIES: EntityClass[] = [AnalysisEntity];
export const ANALYSIS_MIGRATIONS: MigrationClass[] = [CreateAnalyses1764300400000];
export const ANALYSIS_CONTROLLERS = [AnalysisController];
export const ANALYSIS_HANDLERS: MessageHandlerClass[] = [AnalysisCompletedHandler];
export const ANALYSIS_PROVIDERS: Provider[] = [AnalysisRepository, AnalysisService, AnalysisResolver];
