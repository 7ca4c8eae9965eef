import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type EvaluationReport, ancestryChartSvg, reportMarkdown } from '@gmdb/ml';
import type { EvalDocument } from './eval.document';

export const REPORT_FILES = { markdown: 'eval-report.md', chart: 'top1-top5-by-ancestry.svg', json: 'eval.json' } as const;

/** `--report DIR`: the Markdown tables, the top-1/top-5 by ancestry bar chart (SVG) and the JSON. Returns the paths. */
export async function writeEvalReport(dir: string, report: EvaluationReport, document: EvalDocument): Promise<string[]> {
  const out = resolve(dir);
  await mkdir(out, { recursive: true });
  const files: [string, string][] = [
    [join(out, REPORT_FILES.markdown), reportMarkdown(report)],
    [join(out, REPORT_FILES.chart), ancestryChartSvg(report)],
    [join(out, REPORT_FILES.json), `${JSON.stringify(document, null, 2)}\n`],
  ];
  for (const [path, text] of files) await writeFile(path, text);
  return files.map(([path]) => path);
}
