import { EvaluationReport, GroupMetrics, TopKAccuracy } from './evaluation.types';

const pct = (x: number) => (100 * x).toFixed(2);
const cells = (t: TopKAccuracy) => [t.top1, t.top5, t.top10, t.top30].map(pct);

/** The report as Markdown tables (percentages), one per grouping, macro and micro. */
export function reportMarkdown(report: EvaluationReport, title = 'GestaltMatcher evaluation'): string {
  const out: string[] = [`# ${title}`, ''];
  const section = (name: string, groups: Record<string, GroupMetrics | undefined>) => {
    out.push(`## ${name}`, '', '| group | images | disorders | macro top-1 | top-5 | top-10 | top-30 | micro top-1 | top-5 | top-10 | top-30 |', '|---|---|---|---|---|---|---|---|---|---|---|');
    for (const [g, m] of Object.entries(groups)) if (m) out.push(`| ${g} | ${m.images} | ${m.disorders} | ${cells(m.macro).join(' | ')} | ${cells(m.micro).join(' | ')} |`);
    out.push('');
  };
  section('Overall', { all: report.overall });
  section('By sex', report.bySex);
  section('By ancestry', report.byAncestry);
  section('By age (years)', report.byAge);
  out.push('## Averaged over ancestry groups', '', '| | top-1 | top-5 | top-10 | top-30 |', '|---|---|---|---|---|');
  out.push(`| macro | ${cells(report.ancestryAveraged.macro).join(' | ')} |`, `| micro | ${cells(report.ancestryAveraged.micro).join(' | ')} |`, '');
  return out.join('\n');
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

/** Grouped bar chart (SVG) of macro top-1 and top-5 by ancestry group, like the paper's Figure 5a. */
export function ancestryChartSvg(report: EvaluationReport): string {
  const groups = Object.entries(report.byAncestry);
  const barW = 22;
  const gap = 18;
  const left = 48;
  const top = 30;
  const h = 220;
  const width = left + Math.max(1, groups.length) * (2 * barW + gap) + gap;
  const height = top + h + 60;
  const y = (v: number) => top + h - v * h;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<text x="${left}" y="16" font-size="13">Top-1 / top-5 accuracy (macro) by ancestry</text>`,
  ];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" x2="${width - gap / 2}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/>`, `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t * 100}%</text>`);
  }
  groups.forEach(([name, m], i) => {
    const x = left + gap + i * (2 * barW + gap);
    parts.push(
      `<rect x="${x}" y="${y(m.macro.top1)}" width="${barW}" height="${h * m.macro.top1}" fill="#3b6ea8"><title>top-1 ${pct(m.macro.top1)}%</title></rect>`,
      `<rect x="${x + barW}" y="${y(m.macro.top5)}" width="${barW}" height="${h * m.macro.top5}" fill="#9cc0e6"><title>top-5 ${pct(m.macro.top5)}%</title></rect>`,
      `<text x="${x + barW}" y="${top + h + 16}" text-anchor="middle">${escapeXml(name)}</text>`,
      `<text x="${x + barW}" y="${top + h + 30}" text-anchor="middle" fill="#666">n=${m.images}</text>`,
    );
  });
  parts.push(
    `<rect x="${left}" y="${height - 18}" width="10" height="10" fill="#3b6ea8"/><text x="${left + 14}" y="${height - 9}">top-1</text>`,
    `<rect x="${left + 60}" y="${height - 18}" width="10" height="10" fill="#9cc0e6"/><text x="${left + 74}" y="${height - 9}">top-5</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}
