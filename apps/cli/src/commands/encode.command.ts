import { basename, extname, resolve } from 'node:path';
import { type FaceDetectorKind, encodePng } from '@gmdb/ml';
import type { Command } from 'commander';
import { reportingFailures } from '../ml/cli-failure';
import { toEncodeDocument } from '../ml/encode.document';
import { readBytes } from '../ml/input-file';
import { type ModelOptions, parsePrecision, parsePreset, parseTtaSlots, selectManifest } from '../ml/model-selection';
import { withPhotoPipeline } from '../ml/photo.pipeline';
import { appendEncodingLine, cropFileName, writeCrop } from '../ml/photo-outputs.writer';
import { DETECTOR_OPTION_HELP, detectorKind, parseDetector } from '../ml/detector.option';
import { parseThreads } from '../ml/threads.option';

interface EncodeOptions extends ModelOptions {
  outDir: string;
  embeddingOut?: string;
  imageId?: string;
  threads?: number;
  detector?: FaceDetectorKind;
}

/**
 * `gmdb encode PHOTO`: one face, its box, score and five landmarks, the aligned crop (written as
 * PNG), all slots of the ensemble; prints JSON. Refusals (IMAGE_NO_FACE, IMAGE_MULTIPLE_FACES with
 * boxes, IMAGE_UNDECODABLE, MODEL_CHECKSUM_MISMATCH...) go to stderr with their code, exit 1.
 */
export function registerEncodeCommand(program: Command, env: NodeJS.ProcessEnv = process.env): void {
  program
    .command('encode')
    .description('detect the face of a photo, align it, encode all slots; prints face, landmarks, crop path, slots, timings as JSON')
    .argument('<photo>', 'a JPEG, PNG or WebP photo showing exactly one face')
    .option('--manifest <file>', 'model manifest of trained encoders (default: $WORKER_MODEL_MANIFEST, else the generated paper ensemble)')
    .option('--preset <preset>', 'generated ensemble: paper (r50 + r100 + r100) or test (three r18s); rankings from generated weights mean nothing', parsePreset)
    .option('--slots <n>', '3 (plain) or 12 (flip x gray; the paper); default: the manifest\'s, 3 for presets', parseTtaSlots)
    .option('--precision <p>', 'fp32 or int8 copies of a generated preset (default: $WORKER_MODEL_PRECISION, else fp32); a manifest names its own files', parsePrecision)
    .option('--model-dir <dir>', 'cache of generated models', './var/models')
    .option('--out-dir <dir>', 'where the aligned crop PNG is written', './var/crops')
    .option('--embedding-out <jsonl>', 'append the embedding as {"image_id","slots"} (input of gmdb eval / analyze)')
    .option('--image-id <id>', 'image_id of that line (default: the photo file name without extension)')
    .option('--threads <n>', 'threads per ONNX operator (0: one per core this process may use)', parseThreads)
    .option('--detector <kind>', DETECTOR_OPTION_HELP, parseDetector)
    .action((photo: string, options: EncodeOptions) =>
      reportingFailures(async () => {
        const bytes = await readBytes(photo, 'the photo');
        const manifest = await selectManifest(options, env);
        const result = await withPhotoPipeline(manifest, { threads: options.threads, detector: detectorKind(options.detector, env) }, (p) => p.encoder.encode(bytes));
        const png = result.aligned.png ?? (await encodePng(result.aligned.crop));
        const cropPath = await writeCrop(options.outDir, cropFileName(photo, bytes), png);
        const imageId = options.imageId ?? basename(photo, extname(photo));
        const embeddingOut = options.embeddingOut ? await appendEncodingLine(options.embeddingOut, imageId, result.embedding, result.slots) : undefined;
        process.stdout.write(`${JSON.stringify(toEncodeDocument(resolve(photo), result, manifest, cropPath, embeddingOut), null, 2)}\n`);
      }),
    );
}
