import { resolve } from 'node:path';
import {
  IRESNET_ARCHS,
  type EncoderPrecision,
  type IResNetArch,
  PAPER_ENSEMBLE,
  TEST_ENSEMBLE,
  ensureGeneratedManifest,
  isIResNetArch,
  sha256Bytes,
  writeModel,
} from '@gmdb/ml';
import { type Command, InvalidArgumentError } from 'commander';
import { quantizeManifest } from '../ml/manifest.quantizer';
import { type ModelPreset, parsePrecision, parsePreset, parseTtaSlots } from '../ml/model-selection';

function parseArch(value: string): IResNetArch {
  if (!isIResNetArch(value)) throw new InvalidArgumentError(`one of ${IRESNET_ARCHS.join(', ')}`);
  return value;
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seed) || seed > 0xffffffff) throw new InvalidArgumentError('an integer in [0, 4294967295]');
  return seed;
}

function parseFraction(value: string): number {
  const x = Number(value);
  if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(value) || x > 0.5) throw new InvalidArgumentError('a number in [0, 0.5]');
  return x;
}

/**
 * `gmdb model generate`: an iResNet ONNX file with seeded weights (same arch and seed, same bytes).
 * `gmdb model manifest`: makes (or reuses) a generated ensemble in a folder and prints its manifest,
 * the file the worker reads through WORKER_MODEL_MANIFEST. Generated weights mean nothing.
 */
export function registerModelCommand(program: Command): void {
  const model = program.command('model').description('generated iResNet encoders and model manifests (rankings from generated weights mean nothing)');
  model
    .command('generate')
    .description('write an insightface iResNet ONNX file (input [N,3,112,112], output [N,512]) with seeded weights')
    .requiredOption('--arch <arch>', `architecture: ${IRESNET_ARCHS.join(', ')}`, parseArch)
    .option('--seed <n>', 'weight seed (the same seed gives the same bytes)', parseSeed, 42)
    .requiredOption('--out <file>', 'the ONNX file to write')
    .action(async (options: { arch: IResNetArch; seed: number; out: string }) => {
      const out = resolve(options.out);
      const t0 = performance.now();
      const bytes = await writeModel(options.arch, options.seed, out);
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      process.stdout.write(`${JSON.stringify({ file: out, arch: options.arch, seed: options.seed, bytes: bytes.length, sha256: sha256Bytes(bytes), seconds: Number(seconds) })}\n`);
    });
  model
    .command('manifest')
    .description('make (or reuse) the generated ensemble of a preset in DIR, write its manifest there and print it')
    .option('--preset <preset>', 'paper (r50 + r100 + r100) or test (three r18s)', parsePreset, 'paper')
    .option('--slots <n>', '3 (plain) or 12 (flip x gray)', parseTtaSlots, 3)
    .option('--dir <dir>', 'folder of the models and the manifest', './var/models')
    .option('--precision <p>', 'fp32 (as generated) or int8 (quantized copies, calibrated on the fixture photos of libs/ml)', parsePrecision, 'fp32')
    .action(async (options: { preset: ModelPreset; slots: 3 | 12; dir: string; precision: EncoderPrecision }) => {
      const specs = options.preset === 'test' ? TEST_ENSEMBLE : PAPER_ENSEMBLE;
      const slots = options.slots === 12 ? 4 * specs.length : specs.length;
      const loaded = await ensureGeneratedManifest({ dir: resolve(options.dir), specs, slots, precision: options.precision });
      process.stdout.write(`${JSON.stringify({ manifest: loaded.source, version: loaded.version, slots: loaded.slots, models: loaded.models.map((m) => ({ id: m.id, file: m.path, sha256: m.sha256 })) }, null, 2)}\n`);
    });
  model
    .command('quantize')
    .description('make int8 copies of the encoders of a manifest (post-training, calibrated on face photos) and write their manifest; prints each model\'s agreement with the float model')
    .requiredOption('--manifest <file>', 'manifest of the float encoders (sha256 of every file checked)')
    .requiredOption('--calibration <dir>', 'folder of face photos (jpg, png, webp, tiff): every face found is aligned as the service aligns and calibrates the activation ranges')
    .requiredOption('--out <dir>', 'folder for the int8 models and their manifest.json')
    .option('--held-out <fraction>', 'share of the faces kept out of calibration to measure the agreement: every k-th face in file-name order, k = round(1 / fraction); 0 measures on the calibration faces', parseFraction, 0.2)
    .action(async (options: { manifest: string; calibration: string; out: string; heldOut: number }) => {
      const summary = await quantizeManifest({ manifestFile: resolve(options.manifest), photoDir: resolve(options.calibration), outDir: resolve(options.out), heldOutFraction: options.heldOut }, (line) => process.stderr.write(`${line}\n`));
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    });
}
