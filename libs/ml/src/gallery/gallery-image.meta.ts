/** What the index keeps about one gallery photo besides its embedding. */
export interface GalleryImageMeta {
  imageId: string;
  /** The patient (case) the photo belongs to. */
  caseId: string;
  /** Diagnosed disorders of the case (e.g. OMIM ids); a photo counts for each. */
  disorderIds: readonly string[];
  /** Disease genes of the case (HGNC symbols or ids). */
  geneIds: readonly string[];
  /**
   * `fair`: may be named in the patient list; `private`: counts for disorders and genes but is
   * never shown. Withdrawn consent removes the photo from the index instead.
   */
  accessLevel: 'fair' | 'private';
}
