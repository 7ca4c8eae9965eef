import { resolve } from 'node:path';
import { type FaceDetectorKind, type GalleryIndex, JsSearcher, type LoadedManifest, rankGallery } from '@gmdb/ml';
import { type Command, InvalidArgumentError } from 'commander';
import { toAnalyzeDocument } from '../ml/analyze.document';
import { CliFailure, reportingFailures } from '../ml/cli-failure';
import { loadGalleryFiles } from '../ml/gallery-files.loader';
import { readBytes } from '../ml/input-file';
import { type ModelOptions, parsePrecision, parsePreset, parseTtaSlots, selectManifest } from '../ml/model-selection';
import { withPhotoPipeline } from '../ml/photo.pipeline';
import { DETECTOR_OPTION_HELP, detectorKind, parseDetector } from '../ml/detector.option';
import { parseThreads } from '../ml/threads.option';
import { loadWorkerGallery } from '../ml/worker-gallery.loader';

interface AnalyzeOptions extends Omit<ModelOptions, 'modelDir'> {
  modelDir?: string;
  gallery?: string;
  galleryEncodings?: string;
  top?: number;
  excludeWithin?: number;
  excludeCase: string[];
  threads?: number;
  detector?: FaceDetectorKind;
}

function parseTop(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError('a positive integer');
  return n;
}

function parseDistance(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 2) throw new InvalidArgumentError('a distance in [0, 2]');
  return n;
}

const DEFAULT_MODEL_DIR = './var/models';

/** The gallery to rank against: given as files, or the worker's current embedding table. */
async function loadGallery(options: AnalyzeOptions, env: NodeJS.ProcessEnv): Promise<{ index: GalleryIndex; manifest: LoadedManifest; source: string; threads?: number }> {
  if (options.gallery === undefined && options.galleryEncodings === undefined) {
    const worker = await loadWorkerGallery(env, options);
    return { ...worker, threads: options.threads ?? worker.threads };
  }
  if (!options.gallery || !options.galleryEncodings) {
    throw new CliFailure('GALLERY_REQUIRED', 'GALLERY_REQUIRED: give the gallery as both --gallery G.csv and --gallery-encodings E.jsonl (or neither, for the worker\'s current gallery)');
  }
  const manifest = await selectManifest({ ...options, modelDir: options.modelDir ?? DEFAULT_MODEL_DIR }, env);
  const index = await loadGalleryFiles({ csv: options.gallery, encodings: options.galleryEncodings }, manifest.slots);
  return { index, manifest, source: `${resolve(options.gallery)} + ${resolve(options.galleryEncodings)}`, threads: options.threads };
}

/**
 * `gmdb analyze PHOTO`: encodes the photo and ranks disorders, genes and patients; prints JSON.
 * The gallery is the inference worker's current one (its embedding table, read from its database
 * as its configuration says, for the model version of its models) or one given as files
 * (`--gallery` CSV + `--gallery-encodings` JSON lines, e.g. written by `gmdb encode --embedding-out`).
 * Private cases count for disorders and genes but are never named as patients.
 */
export function registerAnalyzeCommand(program: Command, env: NodeJS.ProcessEnv = process.env): void {
  program
    .command('analyze')
    .description('rank disorders, genes and patients for the face of a photo against the worker\'s current gallery (or one given as files); prints JSON')
    .argument('<photo>', 'a photo showing exactly one face')
    .option('--gallery <csv>', 'gallery given as files instead of the worker\'s database: images: image_id,subject,label[,genes][,access_level] (label and genes: ;-separated; access_level fair|private, default private)')
    .option('--gallery-encodings <jsonl>', 'encodings of every gallery image, {"image_id","slots"} per line, with the encoder\'s slot count')
    .option('--manifest <file>', 'model manifest (default: $WORKER_MODEL_MANIFEST, else the generated ensemble of $WORKER_MODEL_PRESET without --gallery, the paper ensemble with it)')
    .option('--preset <preset>', 'generated ensemble: paper or test (rankings from generated weights mean nothing)', parsePreset)
    .option('--slots <n>', '3 or 12 (must match the gallery encodings; default without --gallery: $WORKER_TTA_SLOTS)', parseTtaSlots)
    .option('--precision <p>', 'fp32 or int8 copies of a generated preset (default: $WORKER_MODEL_PRECISION, else fp32; must match the gallery encodings)', parsePrecision)
    .option('--model-dir <dir>', `cache of generated models (default: ${DEFAULT_MODEL_DIR} with --gallery, the worker's $WORKER_MODEL_DIR or $GMDB_DATA_DIR/models without)`)
    .option('--top <n>', 'longest disorder, gene and patient list (default: every disorder and gene, 100 patients)', parseTop)
    .option('--exclude-within <d>', 'drop gallery images at distance <= d (likely the same patient; the reference service uses 0.3)', parseDistance)
    .option('--exclude-case <id>', 'leave this case\'s images out (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--threads <n>', 'threads per ONNX operator (0: one per core this process may use; default without --gallery: $WORKER_INTRA_OP_THREADS)', parseThreads)
    .option('--detector <kind>', DETECTOR_OPTION_HELP, parseDetector)
    .action((photo: string, options: AnalyzeOptions) =>
      reportingFailures(async () => {
        const bytes = await readBytes(photo, 'the photo');
        const { index, manifest, source, threads } = await loadGallery(options, env);
        const encoded = await withPhotoPipeline(manifest, { threads, detector: detectorKind(options.detector, env) }, (p) => p.encoder.encode(bytes));
        const searcher = new JsSearcher();
        const t0 = performance.now();
        const distances = await searcher.distances(index, encoded.embedding);
        const ranking = rankGallery(index, distances, {
          excludeWithin: options.excludeWithin,
          excludeCaseIds: options.excludeCase,
          topDisorders: options.top,
          topGenes: options.top,
          topPatients: options.top ?? 100,
          topImages: 1,
        });
        const search = performance.now() - t0;
        const t = encoded.timings;
        const document = toAnalyzeDocument({
          photo: resolve(photo),
          manifest,
          face: encoded.face,
          ranking,
          gallerySource: source,
          galleryImages: index.size,
          timingsMs: { encode: t.decodeMs + t.detectMs + t.alignMs + t.encodeMs, search },
        });
        process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      }),
    );
}
