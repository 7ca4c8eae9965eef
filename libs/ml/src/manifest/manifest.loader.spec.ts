import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '@gmdb/domain';
import { sha256Bytes } from '../common/file-hash';
import { loadManifestFile, parseManifest } from './manifest.loader';
import { ModelManifest } from './model-manifest.schema';
import { GENERATED_WEIGHTS_NOTICE, provenance } from './generated-weights.notice';

const model = (over: Partial<ModelManifest['ensemble']['models'][number]> = {}): ModelManifest['ensemble']['models'][number] => ({
  id: 'm0',
  file: 'm0.onnx',
  sha256: sha256Bytes(Buffer.from('model-0')),
  arch: 'r50',
  size: 112,
  channelOrder: 'RGB',
  mean: [0.5, 0.5, 0.5],
  std: [0.5, 0.5, 0.5],
  version: '1',
  ...over,
});

describe('model manifest', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gmdb-manifest-'));
    await writeFile(join(dir, 'm0.onnx'), 'model-0');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const write = async (doc: unknown) => {
    const file = join(dir, 'manifest.json');
    await writeFile(file, JSON.stringify(doc));
    return file;
  };

  it('loads a valid manifest, resolving files beside it and checking sha256', async () => {
    const loaded = await loadManifestFile(await write({ version: 'v1', ensemble: { slots: 4, models: [model()] } }));
    expect(loaded.models[0].path).toBe(join(dir, 'm0.onnx'));
    expect(loaded.slots).toBe(4);
    expect(loaded.weightsAreGenerated).toBe(false);
  });

  it('flags generated weights so the API can say rankings mean nothing', async () => {
    const loaded = await loadManifestFile(await write({ version: 'v1', ensemble: { slots: 1, models: [model({ generated: { seed: 1 } })] } }));
    expect(loaded.weightsAreGenerated).toBe(true);
    const flagged = await loadManifestFile(await write({ version: 'v1', generatedWeights: true, ensemble: { slots: 1, models: [model()] } }));
    expect(flagged.weightsAreGenerated).toBe(true);
    expect(provenance(true)).toEqual({ weightsAreGenerated: true, notice: GENERATED_WEIGHTS_NOTICE });
  });

  it('sha256 mismatch -> MODEL_CHECKSUM_MISMATCH naming expected and actual', async () => {
    const file = await write({ version: 'v1', ensemble: { slots: 1, models: [model({ sha256: 'a'.repeat(64) })] } });
    await expect(loadManifestFile(file)).rejects.toMatchObject({
      code: ErrorCode.MODEL_CHECKSUM_MISMATCH,
      details: { modelId: 'm0', expected: 'a'.repeat(64), actual: sha256Bytes(Buffer.from('model-0')) },
    });
  });

  it('a missing model file -> MODEL_FILE_MISSING; a missing manifest or bad JSON -> MODEL_MANIFEST_INVALID', async () => {
    await expect(loadManifestFile(await write({ version: 'v1', ensemble: { slots: 1, models: [model({ file: 'nope.onnx' })] } }))).rejects.toMatchObject({
      code: ErrorCode.MODEL_FILE_MISSING,
    });
    await expect(loadManifestFile(join(dir, 'absent.json'))).rejects.toMatchObject({ code: ErrorCode.MODEL_MANIFEST_INVALID });
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{');
    await expect(loadManifestFile(bad)).rejects.toMatchObject({ code: ErrorCode.MODEL_MANIFEST_INVALID });
  });

  const issuePaths = (doc: unknown): string[] => {
    try {
      parseManifest(doc);
    } catch (e) {
      expect(e).toMatchObject({ code: ErrorCode.MODEL_MANIFEST_INVALID });
      return ((e as { details: { issues: { path: string }[] } }).details.issues ?? []).map((i) => i.path);
    }
    throw new Error('expected MODEL_MANIFEST_INVALID');
  };

  it('schema problems are listed with their JSON paths', () => {
    expect(issuePaths({ version: 'v1', ensemble: { slots: 2, models: [model({ size: 224 as 112 }), model({ std: [0.5, 0, 0.5] })] } })).toEqual(
      expect.arrayContaining(['ensemble.models[0].size', 'ensemble.models[1].std']),
    );
    expect(issuePaths({ version: 'v1', ensemble: { slots: 5, models: [model(), model()] } })).toEqual(expect.arrayContaining(['ensemble.models[1].id', 'ensemble.slots']));
    expect(issuePaths({ version: 'v1', ensemble: { slots: 1, models: [model({ arch: 'vit', generated: { seed: 1 } })] } })).toEqual(['ensemble.models[0].arch']);
  });

  it('accepts the quantization record of an int8 model and checks its fields', () => {
    const quantization = {
      scheme: 'int8-qdq' as const,
      fromSha256: 'a'.repeat(64),
      quantizedConvs: 53,
      keptConvs: [],
      calibrationCrops: 40,
      agreement: { heldOut: true, inputs: 40, minCosine: 0.995, medianCosine: 0.998, meanCosine: 0.997 },
    };
    expect(parseManifest({ version: 'v1-int8', ensemble: { slots: 1, models: [model({ quantization })] } }).ensemble.models[0].quantization).toEqual(quantization);
    expect(issuePaths({ version: 'v1', ensemble: { slots: 1, models: [model({ quantization: { ...quantization, scheme: 'fp16' as 'int8-qdq', fromSha256: 'x' } })] } })).toEqual([
      'ensemble.models[0].quantization.scheme',
      'ensemble.models[0].quantization.fromSha256',
    ]);
  });
});
