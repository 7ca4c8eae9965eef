import { ErrorCode } from '@gmdb/domain';
import { parseCsv, parseDemographics, parseEncodingsJsonl, parseLabeledImages } from './eval-input.parser';
import { ancestryChartSvg, reportMarkdown } from './report.renderer';
import { buildReport } from './top-k.evaluator';

describe('evaluation inputs and report rendering', () => {
  it('parses CSV with quotes and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });

  it('reads the reference gallery/test CSV and the metadata CSV', () => {
    expect(parseLabeledImages('image_id,subject,label,split\n1,s1,OMIM:1,0\n')).toEqual([{ imageId: '1', subject: 's1', label: 'OMIM:1' }]);
    const meta = parseDemographics('image_id,sex,ancestry,age_years\n1,female,EUR,2.5\n2,,,\n');
    expect(meta.get('1')).toEqual({ sex: 'female', ancestry: 'EUR', ageYears: 2.5 });
    expect(meta.get('2')).toEqual({ sex: undefined, ancestry: undefined, ageYears: undefined });
  });

  it('refuses missing columns, empty cells and bad ages with their row', () => {
    expect(() => parseLabeledImages('image_id,label\n1,x\n')).toThrow(expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }));
    expect(() => parseLabeledImages('image_id,subject,label\n1,,x\n')).toThrow(expect.objectContaining({ details: { issues: [expect.objectContaining({ path: 'csv:2.subject' })] } }));
    expect(() => parseDemographics('image_id,sex,ancestry,age_years\n1,f,EUR,old\n')).toThrow(expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }));
  });

  it('reads JSON-lines encodings as slot-major float32 and checks their shape', () => {
    const { encodings, slots, dim } = parseEncodingsJsonl('{"image_id":"a","slots":[[1,2],[3,4]]}\n{"image_id":7,"slots":[[0,0],[1,1]]}\n');
    expect([slots, dim]).toEqual([2, 2]);
    expect(Array.from(encodings.get('a') ?? [])).toEqual([1, 2, 3, 4]);
    expect(encodings.has('7')).toBe(true);
    expect(() => parseEncodingsJsonl('{"image_id":"a","slots":[[1,2]]}\n{"image_id":"b","slots":[[1]]}')).toThrow(expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }));
    expect(() => parseEncodingsJsonl('{nope')).toThrow(expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }));
  });

  it('renders Markdown tables and an SVG bar chart by ancestry', () => {
    const report = buildReport(
      [
        { imageId: 'a', label: 'D1', rank: 1 },
        { imageId: 'b', label: 'D2', rank: 3 },
      ],
      new Map([
        ['a', { ancestry: 'AFR' }],
        ['b', { ancestry: 'E<UR>' }],
      ]),
    );
    const md = reportMarkdown(report);
    expect(md).toContain('| all | 2 | 2 | 50.00 | 100.00 | 100.00 | 100.00 |');
    const svg = ancestryChartSvg(report);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('E&lt;UR&gt;');
  });
});
