import { HgvsCursor } from './hgvs-cursor';
import { AaPoint, ProteinChange, ProteinEdit } from './hgvs.types';

/** Three-letter amino acid codes, with Sec, Pyl, the stop `Ter` and the unknown `Xaa`. */
const THREE = [
  'Ala', 'Arg', 'Asn', 'Asp', 'Cys', 'Gln', 'Glu', 'Gly', 'His', 'Ile', 'Leu', 'Lys', 'Met',
  'Phe', 'Pro', 'Ser', 'Thr', 'Trp', 'Tyr', 'Val', 'Sec', 'Pyl', 'Ter', 'Xaa',
];
const ONE_TO_THREE: Readonly<Record<string, string>> = Object.fromEntries(
  'ARNDCQEGHILKMFPSTWYVUO*X'.split('').map((one, i) => [one, THREE[i]]),
);

/**
 * Grammar of a protein description (after `p.`):
 *
 *   description := "(" body ")" | body          (parentheses: predicted)
 *   body        := "=" | "?" | "0" | "0?" | "Met1?" | location edit
 *   location    := aaPoint ( "_" aaPoint )?
 *   aaPoint     := aa number
 *   edit        := aa "fs" stop? | aa "ext" ( "-" number | stop ) | "fs" stop? | "ext" ...
 *                | aa | "=" | "del" | "dup" | "ins" aa+ | "delins" aa+
 *   stop        := ( "Ter" | "*" ) ( number | "?" )
 *   aa          := three-letter code | one-letter code | "*"
 */
export class ProteinParser {
  constructor(private readonly cur: HgvsCursor) {}

  /** Parses the body; `predicted` parentheses are handled by the caller. */
  change(): ProteinChange {
    const c: HgvsCursor = this.cur;
    if (c.eat('0?')) return { special: '0?' };
    if (c.eat('0')) return { special: '0' };
    if (c.eat('=')) return { special: '=' };
    if (c.eat('?')) return { special: '?' };
    if (c.eat('Met1?') || c.eat('M1?')) return { special: 'start-unknown' };
    const start = this.point();
    let end: AaPoint | undefined;
    if (c.eat('_')) {
      const at = c.pos;
      end = this.point();
      if (end.position <= start.position) c.fail('the start of a range must come before its end', at);
    }
    const edit = this.edit(end !== undefined);
    return { location: end ? { start, end } : { start }, edit };
  }

  private aa(): string | undefined {
    const c: HgvsCursor = this.cur;
    const three = c.text.slice(c.pos, c.pos + 3);
    if (THREE.includes(three)) {
      c.pos += 3;
      return three;
    }
    const one = ONE_TO_THREE[c.peek()];
    if (one) {
      c.pos += 1;
      return one;
    }
    return undefined;
  }

  private point(): AaPoint {
    const aa = this.aa();
    if (!aa) this.cur.fail('expected an amino acid such as Arg (or R)');
    const position = this.cur.integer();
    if (!position) this.cur.fail('expected the amino acid position (a number from 1)');
    return { aa, position };
  }

  private stop(): number | '?' | undefined {
    const c: HgvsCursor = this.cur;
    if (!(c.eat('Ter') || c.eat('*'))) return undefined;
    if (c.eat('?')) return '?';
    const n = c.integer();
    if (!n) c.fail('expected the position of the new stop codon (a number or ?)');
    return n;
  }

  private sequence(what: string): string[] {
    const out: string[] = [];
    for (let aa = this.aa(); aa; aa = this.aa()) out.push(aa);
    if (out.length === 0) this.cur.fail(`expected the ${what} amino acids`);
    return out;
  }

  private edit(isRange: boolean): ProteinEdit {
    const c: HgvsCursor = this.cur;
    if (c.eat('delins')) return { type: 'delins', sequence: this.sequence('inserted') };
    if (c.eat('del')) return { type: 'deletion' };
    if (c.eat('dup')) return { type: 'duplication' };
    if (c.eat('ins')) {
      if (!isRange) c.fail('an insertion is written between two amino acids, e.g. Lys23_Leu24insArgSer');
      return { type: 'insertion', sequence: this.sequence('inserted') };
    }
    if (c.eat('fs')) return { type: 'frameshift', ...this.stopField() };
    if (c.eat('ext')) return this.extension(undefined);
    if (c.eat('=')) return { type: 'silent' };
    const alt = this.aa();
    if (!alt) return c.fail('expected an edit (an amino acid, fs, ext, del, dup, ins, delins or =)');
    if (c.eat('fs')) return { type: 'frameshift', alt, ...this.stopField() };
    if (c.eat('ext')) return this.extension(alt);
    if (isRange) c.fail('a substitution is at one amino acid; write delins for a range');
    return { type: 'substitution', alt };
  }

  private stopField(): { stop?: number | '?' } {
    const stop = this.stop();
    return stop === undefined ? {} : { stop };
  }

  private extension(alt: string | undefined): ProteinEdit {
    const c: HgvsCursor = this.cur;
    if (c.eat('-')) {
      const n = c.integer();
      if (!n) c.fail('expected the new start position, e.g. Met1ext-5');
      return { type: 'extension', ...(alt ? { alt } : {}), newStart: -n };
    }
    const stop = this.stop();
    if (stop === undefined) c.fail('expected -n (new start) or Ter/* with the new stop');
    return { type: 'extension', ...(alt ? { alt } : {}), stop };
  }
}
