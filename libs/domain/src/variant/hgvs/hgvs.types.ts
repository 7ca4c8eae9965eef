/** The coordinate type letter: coding DNA, genomic, non-coding RNA transcript, RNA, mitochondrial, circular, protein. */
export type HgvsCoordinate = 'c' | 'g' | 'n' | 'r' | 'm' | 'o' | 'p';

/** A versioned reference sequence, with an optional selector: `NC_000023.11(NM_004006.2)`. */
export interface HgvsReference {
  /** As written, e.g. `NM_000546.6` or `LRG_199t1`. */
  id: string;
  accession: string;
  /** Absent only for LRG ids, which are not versioned. */
  version?: number;
  selector?: HgvsReference;
}

/**
 * One nucleotide position. `region`: `coding` for plain numbers, `upstream` for `-n` (5' of the
 * start codon / transcript), `downstream` for `*n` (3' of the stop codon). `offset` is the
 * intronic offset (`+5`, `-2`), or `+?` / `-?` when unknown.
 */
export interface NtPoint {
  kind: 'point';
  base: number | '?';
  region: 'coding' | 'upstream' | 'downstream';
  offset?: number | '+?' | '-?';
}

/** An uncertain position `(a_b)`: somewhere between a and b (either may be `?`). */
export interface NtUncertain {
  kind: 'uncertain';
  from: NtPoint;
  to: NtPoint;
}

export type NtPosition = NtPoint | NtUncertain;

export interface NtLocation {
  start: NtPosition;
  /** Present for a range `start_end`. */
  end?: NtPosition;
}

export type NtEdit =
  | { type: 'substitution'; ref: string; alt: string }
  | { type: 'deletion'; sequence?: string; length?: number }
  | { type: 'duplication'; sequence?: string; length?: number }
  | { type: 'insertion'; sequence?: string; length?: number }
  | { type: 'delins'; sequence?: string; length?: number }
  | { type: 'inversion'; sequence?: string; length?: number }
  | { type: 'identity' }
  | { type: 'repeat'; unit?: string; count: number; maxCount?: number };

export interface NucleotideChange {
  location: NtLocation;
  edit: NtEdit;
}

/** An amino acid at a position, the amino acid in three-letter code (`Ter` for a stop). */
export interface AaPoint {
  aa: string;
  position: number;
}

export type ProteinEdit =
  | { type: 'substitution'; alt: string }
  | { type: 'silent' }
  | { type: 'deletion' }
  | { type: 'duplication' }
  | { type: 'insertion'; sequence: string[] }
  | { type: 'delins'; sequence: string[] }
  /** `Arg97ProfsTer23`: first new amino acid `alt`, new stop `stop` positions on (`?` unknown). */
  | { type: 'frameshift'; alt?: string; stop?: number | '?' }
  /** `Met1ext-5` (N-terminal, `newStart` negative) or `Ter110GlnextTer17` (C-terminal). */
  | { type: 'extension'; alt?: string; newStart?: number; stop?: number | '?' };

export type ProteinChange =
  | { location: { start: AaPoint; end?: AaPoint }; edit: ProteinEdit }
  /** `p.=` no change, `p.?` unknown effect, `p.0` no protein, `p.0?` probably no protein, `p.Met1?` start lost? */
  | { special: '=' | '?' | '0' | '0?' | 'start-unknown' };

/** A parsed HGVS variant description. */
export interface HgvsVariant {
  /** The input, trimmed. */
  expression: string;
  reference: HgvsReference;
  coordinate: HgvsCoordinate;
  /** True for a predicted consequence written in parentheses: `p.(Arg97Cys)`, `r.(?)`. */
  predicted: boolean;
  /** Set for c. g. n. r. m. o.; `undefined` for `c.?` / `r.0` style special values. */
  nucleotide?: NucleotideChange;
  /** Special nucleotide descriptions: `?` unknown, `=` unchanged, `0` no RNA, `spl` splicing affected. */
  special?: '?' | '=' | '0' | 'spl';
  /** Set for p. */
  protein?: ProteinChange;
}
