import { InferenceSession, Tensor } from 'onnxruntime-node';
import { sha256Bytes, sha256File } from '../common/file-hash';
import { SeededRandom } from '../common/seeded-random';
import { TEST_MODEL_DIR } from '../testing/fixtures';
import { generateIResNet } from './iresnet.generator';
import { ensureGeneratedModel, generatedModelFileName } from './model-cache';
import { buildIResNetGraph } from './iresnet.builder';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(60_000);

describe('generated iResNet ONNX files', () => {
  it('are deterministic: same seed same bytes, another seed other bytes', () => {
    const a = sha256Bytes(generateIResNet({ arch: 'r18', seed: 7 }));
    const b = sha256Bytes(generateIResNet({ arch: 'r18', seed: 7 }));
    const c = sha256Bytes(generateIResNet({ arch: 'r18', seed: 8 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('have the insightface iResNet layout (r18: stem conv + 2 per block + 4 downsamples)', () => {
    const graph = buildIResNetGraph('r18', 1);
    const count = (op: string) => graph.nodes.filter((n) => n.opType === op).length;
    expect(count('Conv')).toBe(1 + 2 * 8 + 4);
    expect(count('PRelu')).toBe(1 + 8);
    expect(count('BatchNormalization')).toBe(8);
    expect(count('Gemm')).toBe(1);
    const fc = graph.initializers.find((t) => t.name === 'fc.weight');
    expect(fc?.dims).toEqual([512, 512 * 7 * 7]);
  });

  it('run in onnxruntime-node: [N,512], finite, different for different inputs, batch-independent', async () => {
    const model = await ensureGeneratedModel(TEST_MODEL_DIR, { arch: 'r18', seed: 11 });
    expect(await sha256File(model.file)).toBe(model.sha256);
    const session = await InferenceSession.create(model.file, { executionProviders: ['cpu'], intraOpNumThreads: 2 });
    try {
      expect(session.inputNames).toEqual(['input']);
      expect(session.outputNames).toEqual(['embedding']);
      const rng = new SeededRandom(3);
      const n = 3;
      const data = Float32Array.from({ length: n * 3 * 112 * 112 }, () => rng.uniform(-1, 1));
      const out = await session.run({ input: new Tensor('float32', data, [n, 3, 112, 112]) });
      const emb = out['embedding'];
      expect(emb.dims).toEqual([n, 512]);
      const values = emb.data as Float32Array;
      expect(values.every((v) => Number.isFinite(v))).toBe(true);
      const row = (i: number) => values.subarray(i * 512, (i + 1) * 512);
      expect(Buffer.from(row(0).buffer, row(0).byteOffset, 2048).equals(Buffer.from(row(1).buffer, row(1).byteOffset, 2048))).toBe(false);
      const single = await session.run({ input: new Tensor('float32', data.subarray(0, 3 * 112 * 112), [1, 3, 112, 112]) });
      const first = single['embedding'].data as Float32Array;
      for (let i = 0; i < 512; i++) expect(Math.abs(first[i] - values[i])).toBeLessThan(1e-3 * (1 + Math.abs(values[i])));
    } finally {
      await session.release();
    }
  });

  it('the cache reuses a verified file and regenerates one whose bytes no longer match its record', async () => {
    const spec = { arch: 'r18' as const, seed: 11 };
    const shared = await ensureGeneratedModel(TEST_MODEL_DIR, spec);
    const dir = await mkdtemp(join(tmpdir(), 'gmdb-model-cache-'));
    try {
      const name = generatedModelFileName(spec);
      await copyFile(shared.file, join(dir, name));
      await copyFile(`${shared.file}.sha256`, join(dir, `${name}.sha256`));
      expect((await ensureGeneratedModel(dir, spec)).created).toBe(false);
      await writeFile(join(dir, name), 'corrupt');
      const repaired = await ensureGeneratedModel(dir, spec);
      expect(repaired.created).toBe(true);
      expect(repaired.sha256).toBe(shared.sha256);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
