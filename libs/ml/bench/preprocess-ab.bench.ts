/**
 * Paired A/B of a photo's CPU outside the encoder (decode, detect, align with the crop's PNG), this
 * tree against another checkout of the repository, in one process:
 *   node libs/ml/bench/run.js libs/ml/bench/preprocess-ab.bench.ts --baseline DIR [--photo astronaut.png] [--photos 240]
 * (e.g. `git worktree add /tmp/base <commit>` and `ln -s $PWD/node_modules /tmp/base/`). Both
 * pipelines are loaded from their own sources and alternate photo by photo (the order flipped every
 * photo), so a burst of load on this shared machine falls on both sides: separate runs of one
 * version varied by ±15 % here, the paired ratio mostly by ±1 % (0.916–0.931 in six of seven
 * runs, one run 1.079: run it more than once). Prints the median CPU-ms per photo of each side
 * (process CPU, all threads), its stages' wall times, and the median of the per-photo ratios
 * (this tree / baseline).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FaceAligner } from '../src/align/face.aligner';
import type { decodeImage } from '../src/decode/image.decoder';
import type { createFaceDetector } from '../src/detect/face-detector.factory';
import type { locateSingleFace } from '../src/detect/face.locator';
import { fixtureBytes } from '../src/testing/fixtures';
import { foreignCores, loadLine } from './load.probe';

const args = process.argv.slice(2);
const option = (name: string, fallback?: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
/** Photos before the clock starts (JIT, onnxruntime arenas). */
const WARMUP = 20;

interface Pipeline {
  FaceAligner: typeof FaceAligner;
  decodeImage: typeof decodeImage;
  createFaceDetector: typeof createFaceDetector;
  locateSingleFace: typeof locateSingleFace;
}

interface Side {
  name: string;
  photo: () => Promise<void>;
  cpu: number[];
  stages: Record<'decode' | 'detect' | 'align', number[]>;
}

/** The four entry points of the libs/ml sources under `root`, loaded as that checkout has them. */
function pipelineAt(root: string): Pipeline {
  const src = join(root, 'libs', 'ml', 'src');
  // Each checkout's own modules, resolved at run time.
  return {
    FaceAligner: require(join(src, 'align', 'face.aligner')).FaceAligner,
    decodeImage: require(join(src, 'decode', 'image.decoder')).decodeImage,
    createFaceDetector: require(join(src, 'detect', 'face-detector.factory')).createFaceDetector,
    locateSingleFace: require(join(src, 'detect', 'face.locator')).locateSingleFace,
  };
}

async function side(name: string, root: string, bytes: Buffer): Promise<Side & { dispose(): Promise<void> }> {
  const p = pipelineAt(root);
  const detector = await p.createFaceDetector('native');
  const aligner = new p.FaceAligner(detector, { png: true });
  const stages: Side['stages'] = { decode: [], detect: [], align: [] };
  return {
    name,
    cpu: [],
    stages,
    photo: async () => {
      const t0 = performance.now();
      const image = await p.decodeImage(bytes);
      const t1 = performance.now();
      const face = await p.locateSingleFace(detector, image);
      const t2 = performance.now();
      await aligner.align(image, face);
      const t3 = performance.now();
      stages.decode.push(t1 - t0);
      stages.detect.push(t2 - t1);
      stages.align.push(t3 - t2);
    },
    dispose: () => detector.dispose(),
  };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  const baseline = option('--baseline');
  if (!baseline || !existsSync(join(baseline, 'libs', 'ml', 'src'))) throw new Error('--baseline DIR: a checkout of this repository (with libs/ml/src)');
  const photos = Number(option('--photos', '240'));
  const bytes = fixtureBytes(option('--photo', 'astronaut.png') as Parameters<typeof fixtureBytes>[0]);
  const foreign = await foreignCores();
  const sides = [await side('baseline', resolve(baseline), bytes), await side('this tree', resolve(__dirname, '..', '..', '..'), bytes)];
  for (let i = 0; i < WARMUP + photos; i++) {
    for (const s of i % 2 ? sides : [...sides].reverse()) {
      const c0 = process.cpuUsage();
      await s.photo();
      const c = process.cpuUsage(c0);
      if (i >= WARMUP) s.cpu.push((c.user + c.system) / 1000);
      else for (const v of Object.values(s.stages)) v.pop();
    }
  }
  const lines = [`# preprocessing A/B (${new Date().toISOString()}), ${photos} photos a side, alternating`, `${loadLine()}; other processes used ${foreign.toFixed(2)} cores before the run`, ''];
  for (const s of sides) {
    const stages = Object.entries(s.stages).map(([k, v]) => `${k} ${median(v).toFixed(2)}`).join(', ');
    lines.push(`${s.name.padEnd(9)}: ${median(s.cpu).toFixed(2)} CPU-ms per photo (wall ms: ${stages})`);
  }
  const paired = sides[1].cpu.map((v, i) => v / sides[0].cpu[i]);
  lines.push(`this tree / baseline, median of per-photo CPU ratios: ${median(paired).toFixed(3)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  await Promise.all(sides.map((s) => s.dispose()));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
