import { IssueCode } from '../../validation';
import { parseHgvs } from './hgvs.parser';
import { validateHgvs } from './hgvs.value';

const GOOD = [
  // substitutions
  'NM_000546.6:c.215C>G',
  'NM_004006.2:c.4375C>T',
  'NM_133433.4:c.1234A>G',
  'NC_000017.11:g.7676154G>C',
  'NG_012232.1:g.12463G>A',
  'NR_002196.2:n.601G>A',
  'NM_004006.3:r.123c>g',
  'NC_012920.1:m.3243A>G',
  // intronic and UTR positions
  'NM_000546.6:c.375+5G>A',
  'NM_004006.2:c.93+1G>T',
  'NM_000546.6:c.-14-2A>G',
  'NM_000546.6:c.*32+1G>A',
  'NM_000546.6:c.-29C>T',
  'NM_000546.6:c.*1175A>C',
  'NM_000546.6:c.673-2A>G',
  'NM_004006.2:c.4072-1234_5155-246del',
  // deletions, duplications, insertions, delins, inversions
  'NM_000546.6:c.215del',
  'NM_000546.6:c.215delC',
  'NM_004006.2:c.5697_5698del',
  'NM_004006.2:c.5697_5698delAG',
  'NM_000546.6:c.215dup',
  'NM_004006.2:c.20_23dup',
  'NM_004006.2:c.169_170insA',
  'NM_004006.2:c.240_241insAGG',
  'NM_004006.2:c.849_850ins(858)',
  'NM_004006.2:c.6775delinsGA',
  'NM_004006.2:c.6775_6777delinsC',
  'NC_000023.11:g.32343183_32345683inv',
  'NC_000023.11:g.33344591del',
  'NC_000023.11(NM_004006.2):c.357+1G>A',
  'NM_004006.2:c.-128_-126[79]',
  'NM_004006.2:c.123_125CAG[23]',
  'NM_004006.2:c.123=',
  'ENST00000357654.9:c.5266dup',
  'LRG_199t1:c.79_80delinsTT',
  // uncertain positions
  'NM_004006.2:c.(4071+1_4072-1)_(5154+1_5155-1)del',
  'NM_004006.2:c.(?_-30)_(12+1_13-1)del',
  'NC_000023.11:g.(?_31060227)_(33274278_?)dup',
  'NM_004006.2:c.(4071+1_4072-1)_(5154+1_5155-1)dup',
  // special values
  'NM_004006.2:c.?',
  'NM_004006.3:r.0',
  'NM_004006.3:r.spl',
  'NM_004006.3:r.(?)',
  'NM_004006.3:r.(123c>g)',
  'NM_004006.3:r.(4072_5154del)',
  // proteins
  'NP_000537.3:p.Arg72Pro',
  'NP_000537.3:p.(Arg72Pro)',
  'NP_003997.1:p.Trp24Ter',
  'NP_003997.1:p.Trp24*',
  'NP_003997.1:p.(W24*)',
  'NP_000537.3:p.Arg97ProfsTer23',
  'NP_000537.3:p.Arg97fs',
  'NP_000537.3:p.(Arg97Glyfs*16)',
  'NP_003997.1:p.Lys23_Val25del',
  'NP_003997.1:p.Val7del',
  'NP_003997.1:p.Gly4_Gln6dup',
  'NP_003997.1:p.His4_Gln5insAla',
  'NP_003997.1:p.Cys28delinsTrpVal',
  'NP_003997.1:p.Met1ext-5',
  'NP_003997.1:p.Ter110GlnextTer17',
  'NP_003997.1:p.Leu54=',
  'NP_003997.1:p.0',
  'NP_003997.1:p.?',
  'NP_003997.1:p.Met1?',
  'NP_003997.1:p.R97C',
];

const BAD: [string, IssueCode][] = [
  ['c.215C>G', IssueCode.HGVS_SYNTAX], // no reference
  ['NM_000546:c.215C>G', IssueCode.HGVS_SYNTAX], // no version
  ['NM_000546.6c.215C>G', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:x.215C>G', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:c.215C>', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:c.215C>C', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:c.215CA>G', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:c.215X>G', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:c.0A>G', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:c.215_214del', IssueCode.HGVS_SYNTAX], // reversed range
  ['NM_000546.6:c.215_220C>G', IssueCode.HGVS_SYNTAX], // substitution on a range
  ['NM_000546.6:c.215insA', IssueCode.HGVS_SYNTAX], // insertion needs two positions
  ['NM_000546.6:c.215_230insA', IssueCode.HGVS_SYNTAX], // not neighbours
  ['NM_000546.6:c.215_216ins', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:c.215delinsX', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:c.(4071+1_4072-1_(5154+1_5155-1)del', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:c.215del extra', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:c.215foo', IssueCode.HGVS_SYNTAX],
  ['NC_000017.11:g.-5A>G', IssueCode.HGVS_SYNTAX], // no UTR in g.
  ['NC_000017.11:g.123+5A>G', IssueCode.HGVS_SYNTAX], // no offsets in g.
  ['NM_004006.3:r.123C>G', IssueCode.HGVS_SYNTAX], // RNA is lower case
  ['NP_000537.3:p.Arg72', IssueCode.HGVS_SYNTAX],
  ['NP_000537.3:p.Arg72Xyz', IssueCode.HGVS_SYNTAX],
  ['NP_000537.3:p.72Pro', IssueCode.HGVS_SYNTAX],
  ['NP_000537.3:p.(Arg72Pro', IssueCode.HGVS_SYNTAX],
  ['NP_000537.3:p.Arg97fsTer', IssueCode.HGVS_SYNTAX],
  ['NP_003997.1:p.Lys23_Val20del', IssueCode.HGVS_SYNTAX],
  ['NP_003997.1:p.His4insAla', IssueCode.HGVS_SYNTAX],
  ['XY_123.1:c.1A>G', IssueCode.HGVS_SYNTAX],
  ['LRG_199.1:g.1A>G', IssueCode.HGVS_SYNTAX],
  ['NM_000546.6:p.Arg72Pro', IssueCode.HGVS_REFERENCE_MISMATCH],
  ['NP_000537.3:c.215C>G', IssueCode.HGVS_REFERENCE_MISMATCH],
  ['NC_000017.11:c.215C>G', IssueCode.HGVS_REFERENCE_MISMATCH],
  ['NC_000017.11:m.215C>G', IssueCode.HGVS_REFERENCE_MISMATCH],
  ['NR_002196.2:c.601G>A', IssueCode.HGVS_REFERENCE_MISMATCH],
];

describe('validateHgvs', () => {
  it('is tested on at least 40 good and bad strings', () => expect(GOOD.length + BAD.length).toBeGreaterThanOrEqual(80));

  it.each(GOOD)('accepts %s', (text) => {
    const r = validateHgvs(text, 'hgvs');
    if (!r.ok) throw new Error(r.issues[0].message);
    expect(r.value.expression).toBe(text);
  });

  it.each(BAD)('refuses %s', (text, code) => {
    expect(validateHgvs(text, 'variants[0].hgvs')).toMatchObject({ ok: false, issues: [{ path: 'variants[0].hgvs', code }] });
  });

  it('names the position of a syntax error', () => {
    const r = validateHgvs('NM_000546.6:c.215foo');
    expect(r.ok ? '' : r.issues[0].message).toContain('position 18');
  });

  it('refuses non-strings and empty strings', () => {
    expect(validateHgvs(3)).toMatchObject({ ok: false, issues: [{ code: IssueCode.INVALID_TYPE }] });
    expect(validateHgvs(' ')).toMatchObject({ ok: false, issues: [{ code: IssueCode.REQUIRED }] });
    expect(validateHgvs(`NM_000546.6:c.215${'A'.repeat(600)}`)).toMatchObject({ ok: false, issues: [{ code: IssueCode.HGVS_SYNTAX }] });
  });
});

describe('parseHgvs structure', () => {
  it('parses an intronic substitution', () => {
    expect(parseHgvs('NM_000546.6:c.-14-2A>G')).toEqual({
      expression: 'NM_000546.6:c.-14-2A>G',
      reference: { id: 'NM_000546.6', accession: 'NM_000546', version: 6 },
      coordinate: 'c',
      predicted: false,
      nucleotide: {
        location: { start: { kind: 'point', base: 14, region: 'upstream', offset: -2 } },
        edit: { type: 'substitution', ref: 'A', alt: 'G' },
      },
    });
  });

  it('parses uncertain ranges', () => {
    const v = parseHgvs('NM_004006.2:c.(?_-30)_(12+1_13-1)del');
    expect(v.nucleotide?.location).toEqual({
      start: {
        kind: 'uncertain',
        from: { kind: 'point', base: '?', region: 'coding' },
        to: { kind: 'point', base: 30, region: 'upstream' },
      },
      end: {
        kind: 'uncertain',
        from: { kind: 'point', base: 12, region: 'coding', offset: 1 },
        to: { kind: 'point', base: 13, region: 'coding', offset: -1 },
      },
    });
    expect(v.nucleotide?.edit).toEqual({ type: 'deletion' });
  });

  it('parses a selector and a UTR offset', () => {
    const v = parseHgvs('NC_000023.11(NM_004006.2):c.*32+1G>A');
    expect(v.reference.selector).toEqual({ id: 'NM_004006.2', accession: 'NM_004006', version: 2 });
    expect(v.nucleotide?.location.start).toEqual({ kind: 'point', base: 32, region: 'downstream', offset: 1 });
  });

  it('parses protein frameshifts, stops and extensions', () => {
    expect(parseHgvs('NP_000537.3:p.Arg97ProfsTer23').protein).toEqual({
      location: { start: { aa: 'Arg', position: 97 } },
      edit: { type: 'frameshift', alt: 'Pro', stop: 23 },
    });
    const predicted = parseHgvs('NP_003997.1:p.(W24*)');
    expect(predicted.predicted).toBe(true);
    expect(predicted.protein).toEqual({ location: { start: { aa: 'Trp', position: 24 } }, edit: { type: 'substitution', alt: 'Ter' } });
    expect(parseHgvs('NP_003997.1:p.Met1ext-5').protein).toMatchObject({ edit: { type: 'extension', newStart: -5 } });
    expect(parseHgvs('NP_003997.1:p.Ter110GlnextTer17').protein).toMatchObject({ edit: { type: 'extension', alt: 'Gln', stop: 17 } });
    expect(parseHgvs('NP_003997.1:p.0').protein).toEqual({ special: '0' });
  });

  it('parses insertions, delins and repeats', () => {
    expect(parseHgvs('NM_004006.2:c.849_850ins(858)').nucleotide?.edit).toEqual({ type: 'insertion', length: 858 });
    expect(parseHgvs('NM_004006.2:c.6775_6777delinsC').nucleotide?.edit).toEqual({ type: 'delins', sequence: 'C' });
    expect(parseHgvs('NM_004006.2:c.123_125CAG[23]').nucleotide?.edit).toEqual({ type: 'repeat', unit: 'CAG', count: 23 });
    expect(parseHgvs('NP_003997.1:p.Cys28delinsTrpVal').protein).toMatchObject({ edit: { type: 'delins', sequence: ['Trp', 'Val'] } });
  });
});
