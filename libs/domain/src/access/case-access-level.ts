/**
 * How visible a case is, driven by consent: `fair` (all registered users, researchers via
 * releases), `private` (AI training and gallery only, never shown), `withdrawn` (hidden
 * everywhere, erasure queued).
 */
export enum CaseAccessLevel {
  Fair = 'fair',
  Private = 'private',
  Withdrawn = 'withdrawn',
}

export const ALL_CASE_ACCESS_LEVELS: readonly CaseAccessLevel[] = Object.values(CaseAccessLevel);
