import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** An image of a case as the gallery and the GraphQL `Image` type show it. */
export interface CaseImageSummary {
  id: string;
  caseId: string;
  modality: string;
  /** ISO 8601 duration. */
  ageAtCapture: string | null;
  width: number | null;
  height: number | null;
  encodeStatus: string;
  encodeErrorCode: string | null;
}

/**
 * What the case parts need to know about a case's images. The images part implements it over
 * its own table and registers `{ provide: CaseImageDirectory, useClass: <its class> }` in place of
 * `NoCaseImages`. Callers have already applied the access policy to the case ids they pass.
 */
export abstract class CaseImageDirectory {
  /** Number of stored images per case id (cases without images may be absent). */
  abstract countByCase(caseIds: readonly string[]): Promise<Map<string, number>>;
  /** The images of one case, oldest first (inside `manager`'s transaction when given). */
  abstract imagesOf(caseId: string, manager?: EntityManager): Promise<CaseImageSummary[]>;
  /** The subset of `caseIds` with at least one image of this modality. */
  abstract withModality(caseIds: readonly string[], modality: string): Promise<Set<string>>;
  /**
   * Removes the image rows of a case in the caller's transaction (case deletion); returns
   * their ids. Stored objects are the images part's to clean up.
   */
  abstract removeAllOf(manager: EntityManager, caseId: string): Promise<string[]>;
}

/** The directory before the images part exists: no case has images. */
@Injectable()
export class NoCaseImages extends CaseImageDirectory {
  async countByCase(): Promise<Map<string, number>> {
    return new Map();
  }

  async imagesOf(): Promise<CaseImageSummary[]> {
    return [];
  }

  async withModality(): Promise<Set<string>> {
    return new Set();
  }

  async removeAllOf(): Promise<string[]> {
    return [];
  }
}
