import { HgvsCursor, HgvsSyntaxError } from './hgvs-cursor';
import { NucleotideParser } from './hgvs-nucleotide.parser';
import { ProteinParser } from './hgvs-protein.parser';
import { parseReference } from './hgvs-reference';
import { HgvsCoordinate, HgvsVariant } from './hgvs.types';

export const HGVS_MAX_LENGTH = 500;

/**
 * Parses one HGVS variant description `reference:type.description` (HGVS nomenclature,
 * varnomen.hgvs.org) by recursive descent. Supports substitutions, deletions, duplications,
 * insertions, delins, inversions, repeats, identity, protein frameshifts, stops and
 * extensions, ranges, intronic offsets, UTR positions and uncertain positions. Alleles
 * (`c.[...;...]`) and conversions are not supported. Throws `HgvsSyntaxError`.
 */
export function parseHgvs(text: string): HgvsVariant {
  const expression = text.trim();
  if (expression.length > HGVS_MAX_LENGTH) throw new HgvsSyntaxError(`longer than ${HGVS_MAX_LENGTH} characters`, HGVS_MAX_LENGTH);
  const cur = new HgvsCursor(expression);
  const reference = parseReference(cur);
  cur.expect(':', '":" after the reference sequence');
  const letter = cur.peek();
  if (!/^[cgnrmop]$/.test(letter) || cur.peek(1) !== '.') cur.fail('expected the coordinate type: c., g., n., r., m., o. or p.');
  cur.pos += 2;
  const coordinate = letter as HgvsCoordinate;
  const bodyAt = cur.pos;
  // In p. a `(` always means predicted; elsewhere it may also open an uncertain position.
  if (coordinate === 'p') return { expression, reference, coordinate, ...parseBody(cur, coordinate, cur.peek() === '(') };
  try {
    return { expression, reference, coordinate, ...parseBody(cur, coordinate, false) };
  } catch (first) {
    // `(` opens either an uncertain position, c.(123_456)del, or a predicted change, r.(123a>g):
    // try the second reading before giving up, and report the first error when both fail.
    if (!(first instanceof HgvsSyntaxError) || expression[bodyAt] !== '(') throw first;
    cur.pos = bodyAt;
    try {
      return { expression, reference, coordinate, ...parseBody(cur, coordinate, true) };
    } catch {
      throw first;
    }
  }
}

type Body = Pick<HgvsVariant, 'predicted' | 'nucleotide' | 'special' | 'protein'>;

function parseBody(cur: HgvsCursor, coordinate: HgvsCoordinate, predicted: boolean): Body {
  if (predicted) cur.expect('(');
  const body: Body = { predicted };
  if (coordinate === 'p') body.protein = new ProteinParser(cur).change();
  else {
    const special = nucleotideSpecial(cur, coordinate);
    if (special) body.special = special;
    else body.nucleotide = new NucleotideParser(cur, coordinate).change();
  }
  if (predicted) cur.expect(')', '")" closing the predicted change');
  if (!cur.eof) cur.fail('unexpected text after the variant');
  return body;
}

function nucleotideSpecial(cur: HgvsCursor, coordinate: HgvsCoordinate): HgvsVariant['special'] {
  const end = (n: number) => cur.pos + n === cur.text.length || cur.text[cur.pos + n] === ')';
  if (cur.peek() === '?' && end(1)) return cur.eat('?') ? '?' : undefined;
  if (cur.peek() === '=' && end(1)) return cur.eat('=') ? '=' : undefined;
  if (coordinate === 'r' && cur.peek() === '0' && end(1)) return cur.eat('0') ? '0' : undefined;
  if (coordinate === 'r' && cur.startsWith('spl') && end(3)) return cur.eat('spl') ? 'spl' : undefined;
  return undefined;
}
