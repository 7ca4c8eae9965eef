import { CaseAccessLevel } from './case-access-level';

/** The facts about one case that the access policy needs; services build it from their records. */
export interface CaseResource {
  caseId: string;
  accessLevel: CaseAccessLevel | `${CaseAccessLevel}`;
  /** The institution that owns the case (the one whose API key pushed it). */
  institutionId: string;
  /** Subjects (JWT `sub`) of the clinicians responsible for the case. */
  responsibleClinicians: readonly string[];
  /** Subjects of the patient (or guardian) accounts linked to the case. */
  patients: readonly string[];
  /** Dataset releases that contain the case. */
  releaseIds: readonly string[];
}
