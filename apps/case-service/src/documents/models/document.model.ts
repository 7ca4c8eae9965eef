/** A case document as REST shows it to the responsible clinician. */
export interface DocumentModel {
  id: string;
  caseId: string;
  kind: string;
  title: string | null;
  contentType: string;
  byteSize: number;
  sha256: string;
  createdAt: string;
}
