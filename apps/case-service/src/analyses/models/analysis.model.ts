import type { AnalysisStatus } from '../analysis.entity';
import type { AnalysisResult } from '../analysis-result';

/** An analysis as REST and GraphQL show it to its owner. */
export interface AnalysisModel {
  id: string;
  status: AnalysisStatus;
  /** Why it failed (IMAGE_NO_FACE, IMAGE_MULTIPLE_FACES, ANALYSIS_RESULT_INVALID...), when it did. */
  errorCode: string | null;
  width: number;
  height: number;
  slots: number;
  createdAt: string;
  completedAt: string | null;
  /** Set when the ranking must not be trusted (generated encoder weights). */
  notice: string | null;
  /** The ranking once done; `patients` holds only the cases the reader may see. */
  result: AnalysisResult | null;
}
