import { HgvsCursor } from './hgvs-cursor';
import { HgvsCoordinate, NtEdit, NtLocation, NtPoint, NtPosition, NucleotideChange } from './hgvs.types';

/**
 * Grammar of a nucleotide description (after `c.`, `g.`, `n.`, `r.`, `m.`, `o.`):
 *
 *   change    := location edit
 *   location  := position ( "_" position )?
 *   position  := point | "(" point "_" point ")"
 *   point     := ( "-" | "*" )? ( number | "?" ) ( ( "+" | "-" ) ( number | "?" ) )?
 *   edit      := base ">" base | "delins" inserted | "del" seqOrLen? | "dup" seqOrLen?
 *              | "ins" inserted | "inv" seqOrLen? | "=" | seq? "[" number ( "_" number )? "]"
 *   inserted  := seq | number | "(" number ")"
 *
 * `-`/`*` prefixes are only valid in c. and r.; intronic offsets only in c., n. and r.
 */
export class NucleotideParser {
  private readonly bases: RegExp;

  constructor(
    private readonly cur: HgvsCursor,
    private readonly coordinate: Exclude<HgvsCoordinate, 'p'>,
  ) {
    this.bases = coordinate === 'r' ? /[acgun]/ : /[ACGTN]/;
  }

  change(): NucleotideChange {
    const location = this.location();
    const editAt = this.cur.pos;
    const edit = this.edit();
    this.checkEdit(location, edit, editAt);
    return { location, edit };
  }

  private location(): NtLocation {
    const startAt = this.cur.pos;
    const start = this.position();
    if (!this.cur.eat('_')) return { start };
    const end = this.position();
    if (start.kind === 'point' && end.kind === 'point' && compare(start, end) >= 0) {
      this.cur.fail('the start of a range must come before its end', startAt);
    }
    return { start, end };
  }

  private position(): NtPosition {
    if (!this.cur.eat('(')) return this.point();
    const from = this.point();
    this.cur.expect('_', '"_" inside an uncertain position such as (123_456)');
    const to = this.point();
    this.cur.expect(')', '")" closing the uncertain position');
    return { kind: 'uncertain', from, to };
  }

  private point(): NtPoint {
    const at = this.cur.pos;
    let region: NtPoint['region'] = 'coding';
    if (this.cur.peek() === '-' || this.cur.peek() === '*') {
      if (this.coordinate !== 'c' && this.coordinate !== 'r') this.cur.fail(`"-" and "*" positions exist only in c. and r. descriptions`);
      region = this.cur.peek() === '-' ? 'upstream' : 'downstream';
      this.cur.pos++;
    }
    let base: number | '?';
    if (this.cur.eat('?')) base = '?';
    else {
      const n = this.cur.integer();
      if (n === undefined) this.cur.fail('expected a position (a number or ?)');
      if (n === 0) this.cur.fail('positions start at 1 (there is no position 0)', at);
      base = n;
    }
    const point: NtPoint = { kind: 'point', base, region };
    const sign = this.cur.peek();
    if ((sign === '+' || sign === '-') && /[\d?]/.test(this.cur.peek(1))) {
      if (this.coordinate !== 'c' && this.coordinate !== 'n' && this.coordinate !== 'r') {
        this.cur.fail('intronic offsets (+n, -n) exist only in c., n. and r. descriptions');
      }
      this.cur.pos++;
      if (this.cur.eat('?')) point.offset = sign === '+' ? '+?' : '-?';
      else {
        const n = this.cur.integer();
        if (!n) this.cur.fail('an intronic offset is a number from 1');
        point.offset = sign === '+' ? n : -n;
      }
    }
    return point;
  }

  private seq(): string {
    return this.cur.takeWhile(this.bases);
  }

  /** An optional sequence or length after del/dup/inv. */
  private seqOrLength(): { sequence?: string; length?: number } {
    const sequence = this.seq();
    if (sequence) return { sequence };
    const length = this.cur.integer();
    return length === undefined ? {} : { length };
  }

  private inserted(what: string): { sequence?: string; length?: number } {
    const sequence = this.seq();
    if (sequence) return { sequence };
    const paren = this.cur.eat('(');
    const length = this.cur.integer();
    if (!length) this.cur.fail(`expected the ${what} sequence (${this.coordinate === 'r' ? 'a, c, g, u' : 'A, C, G, T'}) or its length`);
    if (paren) this.cur.expect(')');
    return { length };
  }

  private edit(): NtEdit {
    const c: HgvsCursor = this.cur;
    if (c.eat('delins')) return { type: 'delins', ...this.inserted('inserted') };
    if (c.eat('del')) return { type: 'deletion', ...this.seqOrLength() };
    if (c.eat('dup')) return { type: 'duplication', ...this.seqOrLength() };
    if (c.eat('ins')) return { type: 'insertion', ...this.inserted('inserted') };
    if (c.eat('inv')) return { type: 'inversion', ...this.seqOrLength() };
    if (c.eat('=')) return { type: 'identity' };
    const refAt = c.pos;
    const ref = this.seq();
    if (c.eat('>')) {
      const alt = this.seq();
      if (!alt) c.fail('expected the new nucleotide after ">"');
      if (ref.length !== 1 || alt.length !== 1) c.fail('a substitution changes one nucleotide; write delins for more', refAt);
      if (ref === alt) c.fail('a substitution must change the nucleotide', refAt);
      return { type: 'substitution', ref, alt };
    }
    if (c.eat('[')) {
      const count = c.integer();
      if (count === undefined) c.fail('expected the repeat count');
      let maxCount: number | undefined;
      if (c.eat('_')) {
        maxCount = c.integer();
        if (maxCount === undefined || maxCount <= count) c.fail('expected a larger upper repeat count');
      }
      c.expect(']');
      return { type: 'repeat', ...(ref ? { unit: ref } : {}), count, ...(maxCount !== undefined ? { maxCount } : {}) };
    }
    if (ref) c.fail('expected ">" after the reference nucleotide');
    return c.fail('expected an edit (>, del, dup, ins, delins, inv, = or a repeat)');
  }

  private checkEdit(location: NtLocation, edit: NtEdit, at: number): void {
    const isRange = location.end !== undefined;
    if (edit.type === 'substitution' && (isRange || location.start.kind !== 'point')) {
      this.cur.fail('a substitution is at one position; write delins for a range', at);
    }
    if (edit.type === 'insertion' && !isRange) this.cur.fail('an insertion is written between two positions, e.g. 123_124insA', at);
    if (edit.type === 'inversion' && !isRange) this.cur.fail('an inversion needs a range, e.g. 123_456inv', at);
    if (edit.type === 'insertion' && location.end && location.start.kind === 'point' && location.end.kind === 'point') {
      const { start, end } = location;
      const plain = start.offset === undefined && end.offset === undefined && start.region === end.region;
      if (plain && typeof start.base === 'number' && typeof end.base === 'number' && Math.abs(end.base - start.base) !== 1) {
        this.cur.fail('an insertion lies between two neighbouring positions, e.g. 123_124insA', at);
      }
    }
  }
}

const REGION_RANK: Record<NtPoint['region'], number> = { upstream: 0, coding: 1, downstream: 2 };

/** Orders two points when both are fully known; negative (taken as ordered) when not comparable. */
function compare(a: NtPoint, b: NtPoint): number {
  if (a.base === '?' || b.base === '?') return -1;
  if (typeof a.offset === 'string' || typeof b.offset === 'string') return -1;
  if (a.region !== b.region) return REGION_RANK[a.region] - REGION_RANK[b.region];
  // upstream positions count down towards the start: -20 comes before -10.
  const base = a.region === 'upstream' ? b.base - a.base : a.base - b.base;
  return base !== 0 ? base : (a.offset ?? 0) - (b.offset ?? 0);
}
