import { IssueCode, ValidationResult, describeType, fail, valid } from '../validation';

/**
 * A light syntax check of ISCN (karyotype and microarray nomenclature); the string is stored
 * verbatim. It checks the parts a typo breaks: chromosome count, sex chromosomes, comma-separated
 * abnormalities with balanced parentheses, chromosome names (1-22, X, Y), band syntax, and for
 * `arr` results the genome build, coordinates and copy number. It does not check that a
 * karyotype is biologically consistent.
 */
export interface IscnExpression {
  expression: string;
  kind: 'karyotype' | 'microarray';
  /** Genome build of an `arr[...]` result. */
  build?: string;
}

export const ISCN_MAX_LENGTH = 1000;
const BUILDS = /^(GRCh3[78]|hg1[89]|hg38|NCBI36|T2T-CHM13)$/;
const CHROMOSOME = /^(?:[1-9]|1\d|2[0-2]|X|Y)$/;
const REARRANGEMENTS = new Set([
  'add', 'del', 'der', 'dic', 'dup', 'fra', 'hsr', 'i', 'idem', 'ider', 'idic', 'ins', 'inv',
  'mar', 'psu', 'qdp', 'r', 'rcp', 'rob', 's', 't', 'tas', 'tel', 'trc', 'trp', 'upd',
]);
const INHERITANCE = /\s*(?:mat|pat|dn|inh|c)$/;
const BAND_PART = /^(?:[pq](?:\d{1,2}(?:\.\d{1,3})?|ter)|cen|\?|~)+$/;

type Check = string | undefined; // an error message, or undefined when fine

/** Splits at `sep` outside brackets; undefined when the brackets do not balance. */
function splitTopLevel(s: string, sep: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth < 0) return undefined;
    } else if (c === sep && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(s.slice(start));
  return parts;
}

function checkChromosomes(group: string, token: string): Check {
  for (const part of group.split(';')) {
    const chr = part.replace(/[pq]$/, '');
    if (!CHROMOSOME.test(chr)) return `"${part}" in "${token}" is not a chromosome (1-22, X, Y)`;
  }
  return undefined;
}

function checkBands(group: string, chromosomes: number, token: string): Check {
  if (/::|→|->/.test(group)) return undefined; // detailed system: not checked further
  const parts = group.split(';');
  if (parts.length !== chromosomes) return `"${token}" names ${chromosomes} chromosome(s) but ${parts.length} band group(s)`;
  const bad = parts.find((p) => !BAND_PART.test(p));
  return bad === undefined ? undefined : `"${bad}" in "${token}" is not a chromosome band such as p15.2 or q11.2`;
}

function checkAbnormality(token: string): Check {
  const t = token.trim().replace(INHERITANCE, '');
  if (/^[+-](?:[1-9]|1\d|2[0-2]|X|Y)$/.test(t) || /^[+-]?\d*mar\d*$/.test(t)) return undefined;
  let rest = t.replace(/^[+-]/, '');
  if (rest === '') return `"${token}" is empty`;
  while (rest.length > 0) {
    const m = /^([a-z]+)\(([^()]*)\)(?:\(([^()]*)\))?/.exec(rest);
    if (!m) return `"${token}" is not an abnormality such as del(5)(p15.2), t(11;22)(q23;q11.2) or +21`;
    if (!REARRANGEMENTS.has(m[1])) return `"${m[1]}" in "${token}" is not an ISCN abbreviation`;
    const chromosomeError = checkChromosomes(m[2], token);
    if (chromosomeError) return chromosomeError;
    if (m[3] !== undefined) {
      const bandError = checkBands(m[3], m[2].split(';').length, token);
      if (bandError) return bandError;
    }
    rest = rest.slice(m[0].length);
  }
  return undefined;
}

function checkCellLine(line: string): Check {
  const body = line.trim().replace(/\[\d+\]$/, '');
  const fields = splitTopLevel(body, ',');
  if (!fields) return `Unbalanced parentheses in "${line.trim()}"`;
  const [count, sex, ...abnormalities] = fields.map((f) => f.trim());
  if (!/^\d{2,3}(?:~\d{2,3})?(?:<\dn>)?$/.test(count)) return `"${count}" is not a chromosome count such as 46`;
  if (sex === undefined || !/^[XY]{1,6}$|^-$/.test(sex.replace(/\?/g, ''))) return `"${sex ?? ''}" is not a set of sex chromosomes such as XX or XY`;
  for (const a of abnormalities) {
    const error = a === '' ? 'An empty field between commas' : checkAbnormality(a);
    if (error) return error;
  }
  return undefined;
}

function checkArraySegment(seg: string): Check {
  const s = seg.trim().replace(INHERITANCE, '');
  const whole = /^\(((?:[1-9]|1\d|2[0-2]|X|Y)(?:[-,](?:[1-9]|1\d|2[0-2]|X|Y))*|X{1,4}Y{0,2}|Y{1,2})\)x\d(?:~\d)?$/;
  if (whole.test(s)) return undefined;
  const m = /^(\d{1,2}|X|Y)([pq]\d{1,2}(?:\.\d{1,3})?(?:[pq]?\d{1,2}(?:\.\d{1,3})?)?)\(([\d,]+)[_-]([\d,]+)\)x(\d(?:~\d)?)$/.exec(s);
  if (!m) return `"${seg.trim()}" is not a microarray segment such as 22q11.21(18648856_21800471)x1`;
  if (!CHROMOSOME.test(m[1])) return `"${m[1]}" in "${seg.trim()}" is not a chromosome (1-22, X, Y)`;
  const start = Number(m[3].replace(/,/g, ''));
  const end = Number(m[4].replace(/,/g, ''));
  if (!(start < end)) return `In "${seg.trim()}" the start coordinate must be less than the end`;
  return undefined;
}

function checkArray(body: string): string | { build?: string } {
  const m = /^arr(?:\[([^\]]*)\])?\s*(.*)$/.exec(body);
  if (!m) return 'Not an ISCN microarray result';
  const build = m[1];
  if (build !== undefined && !BUILDS.test(build)) return `"${build}" is not a genome build (GRCh37, GRCh38, hg19, hg38, ...)`;
  const segments = splitTopLevel(m[2], ',');
  if (!segments || m[2].trim() === '') return 'A microarray result needs at least one segment, e.g. 22q11.21(18648856_21800471)x1';
  for (const seg of segments) {
    const error = checkArraySegment(seg);
    if (error) return error;
  }
  return build ? { build } : {};
}

/** Checks one ISCN string (see `IscnExpression`); returns it trimmed with its kind. */
export function validateIscn(input: unknown, path = ''): ValidationResult<IscnExpression> {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a string, got ${describeType(input)}`);
  const body = input.trim();
  if (body === '') return fail(path, IssueCode.REQUIRED, 'Must not be empty');
  if (body.length > ISCN_MAX_LENGTH) return fail(path, IssueCode.OUT_OF_RANGE, `At most ${ISCN_MAX_LENGTH} characters`);
  if (body.startsWith('arr')) {
    const result = checkArray(body);
    return typeof result === 'string' ? fail(path, IssueCode.ISCN_SYNTAX, result) : valid({ expression: body, kind: 'microarray', ...result });
  }
  const lines = body.replace(/^(?:mos|chi)\s+/, '').split('/');
  for (const line of lines) {
    const error = checkCellLine(line);
    if (error) return fail(path, IssueCode.ISCN_SYNTAX, error);
  }
  return valid({ expression: body, kind: 'karyotype' });
}
