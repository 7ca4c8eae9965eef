import { EventName, JobName } from './names';

export type AccessLevel = 'private' | 'fair' | 'withdrawn';
export type EncodeStatus = 'pending' | 'done' | 'failed';

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

/** Payloads carry ids (and object keys), never photos or records. */
export type Message =
  | { name: JobName.EncodeImage; payload: { imageId: string; caseId: string; objectKey: string } }
  | { name: JobName.AnalyzePhoto; payload: { analysisId: string; objectKey: string; slots?: 3 | 12 } }
  | { name: JobName.RemoveEmbeddings; payload: { imageIds?: string[]; caseId?: string } }
  | { name: JobName.Reindex; payload: { reason: string } }
  | { name: JobName.EraseCasePhotos; payload: { caseId: string; consentId: string } }
  | { name: JobName.CompareCohorts; payload: { comparisonId: string; imageIdsA: string[]; imageIdsB: string[]; permutations: number } }
  | {
      name: EventName.ImageEncoded;
      payload: {
        imageId: string;
        caseId: string;
        status: Exclude<EncodeStatus, 'pending'>;
        errorCode?: string;
        faces?: FaceBox[];
        cropKey?: string;
        modelVersion?: string;
      };
    }
  | { name: EventName.ImageDeleted; payload: { imageId: string; caseId: string } }
  | {
      name: EventName.CaseGalleryChanged;
      payload: {
        caseId: string;
        accessLevel: AccessLevel;
        disorderIds: string[];
        geneSymbols: string[];
        imageIds: string[];
      };
    }
  | { name: EventName.CaseDeleted; payload: { caseId: string } }
  | {
      name: EventName.CaseRegistered;
      /**
       * A new case and who is responsible for it: its clinician members (JWT subjects; none for a
       * case a hospital system pushed with an API key) and its institution. Fixed at creation.
       * consent-service lets only these clinicians (or, for a case without any, a clinician of its
       * institution) become the case's consent steward.
       */
      payload: { caseId: string; institutionId: string; clinicians: string[] };
    }
  | {
      name: EventName.ConsentChanged;
      /**
       * `steward`: the clinician consent-service holds responsible for this consent (who invited the
       * patient or recorded the paper form), `stewardInstitution` their institution when their token
       * named one. case-service opens a case wider only for one of its responsible clinicians, or, for
       * a case that has none (pushed by a hospital system), for a clinician of its institution.
       */
      payload: { caseId: string; consentId: string; version: number; accessLevel: AccessLevel; steward?: string; stewardInstitution?: string };
    }
  | {
      name: EventName.AnalysisCompleted;
      payload: { analysisId: string; status: 'done' | 'failed'; errorCode?: string; resultKey?: string };
    }
  | { name: EventName.PublicationChanged; payload: { publicationId: string; caseId: string; state: string } }
  | {
      name: EventName.CohortComparisonCompleted;
      payload: { comparisonId: string; status: 'done' | 'failed'; errorCode?: string; resultKey?: string };
    };

export type PayloadOf<N extends Message['name']> = Extract<Message, { name: N }>['payload'];

/** What travels on a queue and sits in an outbox row. `id` is the dedupe key of consumers. */
export interface MessageEnvelope<M extends Message = Message> {
  id: string;
  name: M['name'];
  payload: M['payload'];
  correlationId?: string;
  occurredAt: string;
}
