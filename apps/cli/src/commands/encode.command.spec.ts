import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../ml/testing/run-cli';
import { runMain } from '../ml/testing/run-main';

jest.setTimeout(180_000);

const IMAGES = join(__dirname, '..', '..', '..', '..', 'libs', 'ml', 'fixtures', 'images');
const MODEL_DIR = join(__dirname, '..', '..', '..', '..', 'var', 'models');

interface EncodeDoc {
  face: { box: { x: number; y: number; width: number; height: number }; score: number; landmarks: Record<string, [number, number]> };
  alignment: { cropPath: string; residualsPx: number[] };
  slots: number;
  modelVersion: string;
  generatedWeights: boolean;
  notice?: string;
  embeddingOut?: string;
  timingsMs: { total: number; models: number[] };
}

describe('gmdb encode (generated r18 test ensemble)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'gmdb-encode-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const common = () => ['--preset', 'test', '--model-dir', MODEL_DIR, '--out-dir', join(dir, 'crops'), '--threads', '2'];

  it('astronaut: one face, five landmarks, the crop PNG, 12 slots, the generated-weights notice, an encodings line', async () => {
    const run = await runCli('encode', join(IMAGES, 'astronaut.png'), ...common(), '--slots', '12', '--embedding-out', join(dir, 'e.jsonl'), '--image-id', 'astro');
    expect(run.error).toBeUndefined();
    const doc = JSON.parse(run.stdout) as EncodeDoc;
    expect(doc.face.box.width).toBeGreaterThan(100);
    expect(doc.face.score).toBeGreaterThan(0.5);
    expect(Object.keys(doc.face.landmarks)).toEqual(['leftEye', 'rightEye', 'nose', 'leftMouth', 'rightMouth']);
    expect(doc.alignment.residualsPx[0]).toBeLessThan(3);
    expect(doc.alignment.residualsPx[1]).toBeLessThan(3);
    expect(readFileSync(doc.alignment.cropPath).subarray(1, 4).toString()).toBe('PNG');
    expect(doc.slots).toBe(12);
    expect(doc.generatedWeights).toBe(true);
    expect(doc.notice).toContain('mean nothing');
    expect(doc.timingsMs.models).toHaveLength(3);
    const line = JSON.parse(readFileSync(join(dir, 'e.jsonl'), 'utf8').trim()) as { image_id: string; slots: number[][] };
    expect(line.image_id).toBe('astro');
    expect(line.slots).toHaveLength(12);
    expect(line.slots.every((s) => s.length === 512)).toBe(true);
  });

  it.each([
    ['coffee.png', 'IMAGE_NO_FACE'],
    ['2008_002506.jpg', 'IMAGE_MULTIPLE_FACES'],
  ])('%s -> %s with its code', async (photo, code) => {
    const run = await runCli('encode', join(IMAGES, photo), ...common());
    expect(run.error?.message).toMatch(new RegExp(`^${code}: `));
    expect(run.stdout).toBe('');
    if (code === 'IMAGE_MULTIPLE_FACES') expect(run.error?.message).toMatch(/\n {2}face box x=\d/);
  });

  it('--detector human finds the same face as the default native detector; an unknown detector is a usage error', async () => {
    const native = JSON.parse((await runCli('encode', join(IMAGES, 'astronaut.png'), ...common())).stdout) as EncodeDoc;
    const human = JSON.parse((await runCli('encode', join(IMAGES, 'astronaut.png'), ...common(), '--detector', 'human')).stdout) as EncodeDoc;
    // The native detector looks at the face levelled (its upright view), Human as it lies: boxes within 3 px.
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(human.face.box[key] - native.face.box[key])).toBeLessThanOrEqual(3);
    for (const [name, [x, y]] of Object.entries(native.face.landmarks)) {
      const [hx, hy] = human.face.landmarks[name];
      expect(Math.hypot(hx - x, hy - y)).toBeLessThanOrEqual(4);
    }
    const refused = await runCli('encode', join(IMAGES, 'astronaut.png'), ...common(), '--detector', 'retina');
    expect(refused.error).toMatchObject({ code: 'commander.invalidArgument', exitCode: 1 }); // main() turns it into exit 64
    expect(refused.error?.message).toContain('native or human');
  });

  it('through main(): coffee.png prints the code on stderr, no stack trace, exit 1', async () => {
    const r = await runMain('encode', join(IMAGES, 'coffee.png'), ...common());
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('gmdb: IMAGE_NO_FACE: No face was found in the photo\n');
    expect(r.stdout).toBe('');
  });

  it('an undecodable file, a missing photo, a manifest whose sha256 differs', async () => {
    writeFileSync(join(dir, 'bad.png'), 'not a photo at all');
    expect((await runCli('encode', join(dir, 'bad.png'), ...common())).error?.message).toMatch(/^IMAGE_UNDECODABLE: /);
    expect((await runCli('encode', join(dir, 'nope.png'), ...common())).error?.message).toMatch(/^INPUT_NOT_FOUND: /);
    const manifest = {
      version: 'bad-1',
      ensemble: {
        slots: 1,
        models: [{ id: 'm0', file: join(MODEL_DIR, 'iresnet-r18-seed11.onnx'), sha256: '0'.repeat(64), arch: 'r18', size: 112, channelOrder: 'RGB', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], version: 'x' }],
      },
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    expect(existsSync(join(MODEL_DIR, 'iresnet-r18-seed11.onnx'))).toBe(true);
    const run = await runCli('encode', join(IMAGES, 'astronaut.png'), '--manifest', join(dir, 'manifest.json'), '--out-dir', join(dir, 'crops'));
    expect(run.error?.message).toMatch(/^MODEL_CHECKSUM_MISMATCH: /);
  });
});
