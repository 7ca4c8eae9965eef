import { evaluateTopK } from '@gmdb/ml';
import { type Command, InvalidArgumentError } from 'commander';
import { reportingFailures } from '../ml/cli-failure';
import { loadEvalInputs } from '../ml/eval-inputs.loader';
import { writeEvalReport } from '../ml/eval-report.writer';
import { toEvalDocument } from '../ml/eval.document';
import { ProgressReporter } from '../ml/progress.reporter';

interface EvalOptions {
  gallery: string;
  test: string;
  encodings: string;
  metadata?: string;
  report?: string;
  slots?: number;
}

function parseSlotCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 64) throw new InvalidArgumentError('an integer from 1 to 64');
  return n;
}

/**
 * `gmdb eval`: top-1/5/10/30 accuracy of disorder ranking from precomputed encodings, overall and
 * by sex, ancestry and age band, macro (mean over disorders, the reference metric) and micro (mean
 * over images). stdout: one JSON document; stderr: progress and notes.
 */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('top-k accuracy (macro and micro; by sex, ancestry, age) of a test set against a gallery, from encodings; prints JSON')
    .requiredOption('--gallery <csv>', 'gallery images: image_id,subject,label')
    .requiredOption('--test <csv>', 'test images: image_id,subject,label')
    .requiredOption('--encodings <jsonl>', 'one {"image_id":...,"slots":[[512 numbers],...]} per line, for every gallery and test image')
    .option('--metadata <csv>', 'image_id,sex,ancestry,age_years (empty cells: unknown)')
    .option('--report <dir>', 'also write Markdown tables, the top-1/top-5 by ancestry chart (SVG) and the JSON there')
    .option('--slots <n>', 'slots every encoding must have (default: those of the first line)', parseSlotCount)
    .action((options: EvalOptions) =>
      reportingFailures(async () => {
        const progress = new ProgressReporter('gmdb eval');
        const input = await loadEvalInputs(options, progress);
        if (input.labelsAbsentFromGallery.length > 0) {
          process.stderr.write(`gmdb eval: ${input.labelsAbsentFromGallery.length} test image(s) have a disorder with no gallery image; they count as misses\n`);
        }
        const result = await evaluateTopK({ ...input, onProgress: (done, total) => progress.update(done, total, 'test images') });
        progress.done(`${input.test.length} test images against ${input.gallery.length} gallery images`);
        const document = toEvalDocument(result.report);
        process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
        if (options.report) {
          const written = await writeEvalReport(options.report, result.report, document);
          process.stderr.write(`gmdb eval: report written to ${written.join(', ')}\n`);
        }
      }),
    );
}
