import { HgvsCursor } from './hgvs-cursor';
import { HgvsCoordinate, HgvsReference } from './hgvs.types';

/** Which coordinate types each reference sequence family allows. */
const FAMILIES: readonly { pattern: RegExp; coordinates: readonly HgvsCoordinate[]; name: string }[] = [
  { pattern: /^(?:NM|XM)_\d+$/, coordinates: ['c', 'r'], name: 'a coding transcript' },
  { pattern: /^(?:NR|XR)_\d+$/, coordinates: ['n', 'r'], name: 'a non-coding transcript' },
  { pattern: /^(?:NP|XP)_\d+$/, coordinates: ['p'], name: 'a protein' },
  { pattern: /^NC_0(?:12920|01807)$/, coordinates: ['m'], name: 'the mitochondrial genome' },
  { pattern: /^(?:NC|NG|NT|NW)_\d+$/, coordinates: ['g'], name: 'a genomic reference' },
  { pattern: /^ENST\d{11}$/, coordinates: ['c', 'n', 'r'], name: 'an Ensembl transcript' },
  { pattern: /^ENSP\d{11}$/, coordinates: ['p'], name: 'an Ensembl protein' },
  { pattern: /^ENSG\d{11}$/, coordinates: ['g'], name: 'an Ensembl gene' },
  { pattern: /^LRG_\d+t\d+$/, coordinates: ['c', 'n', 'r'], name: 'an LRG transcript' },
  { pattern: /^LRG_\d+p\d+$/, coordinates: ['p'], name: 'an LRG protein' },
  { pattern: /^LRG_\d+$/, coordinates: ['g'], name: 'an LRG genomic reference' },
];

/** `accession.version`, or an unversioned LRG id; then an optional `(selector)`. */
export function parseReference(cur: HgvsCursor): HgvsReference {
  const ref = parseAccession(cur);
  if (cur.eat('(')) {
    ref.selector = parseAccession(cur);
    cur.expect(')', '")" closing the reference selector');
  }
  return ref;
}

function parseAccession(cur: HgvsCursor): HgvsReference {
  const start = cur.pos;
  const accession = cur.takeWhile(/[A-Za-z0-9_]/);
  if (!accession) cur.fail('expected a reference sequence such as NM_000546.6');
  const family = FAMILIES.find((f) => f.pattern.test(accession));
  if (!family) cur.fail('unknown reference sequence; expected RefSeq (NM_, NR_, NP_, NC_, NG_...), Ensembl or LRG', start);
  if (accession.startsWith('LRG_')) {
    if (cur.peek() === '.') cur.fail('LRG ids carry no version');
    return { id: accession, accession };
  }
  if (!cur.eat('.')) cur.fail('the reference sequence needs its version, e.g. NM_000546.6');
  const version = cur.integer();
  if (!version) cur.fail('expected the version number of the reference sequence');
  return { id: `${accession}.${version}`, accession, version };
}

/**
 * Whether the coordinate type fits the reference (the selector when there is one):
 * undefined when it does, else a message.
 */
export function referenceMismatch(ref: HgvsReference, coordinate: HgvsCoordinate): string | undefined {
  const effective = ref.selector ?? ref;
  const family = FAMILIES.find((f) => f.pattern.test(effective.accession));
  if (!family || family.coordinates.includes(coordinate)) return undefined;
  const allowed = family.coordinates.map((c) => `${c}.`).join(' or ');
  return `${effective.id} is ${family.name}: it takes ${allowed} descriptions, not ${coordinate}.`;
}
