import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { RgbImage } from '../../common/rgb-image';
import { decodeImage } from '../../decode/image.decoder';
import { createOrtSession } from '../../encode/ort-session.factory';
import { readModelParts } from '../../onnx-rewrite/onnx-model.parts';
import { rewritePrelu } from '../../onnx-rewrite/prelu.rewriter';
import { fixtureBytes } from '../../testing/fixtures';
import { withFileFetch } from '../file-fetch.shim';
import { loadHuman } from '../human.loader';
import { ConvertedModel, HumanModelName, convertTfjsGraphModel, humanModelPath } from '.';
import { TfGraphModelJson } from './tfjs-model.types';

jest.setTimeout(120_000);

/** The slice of the tfjs API the comparison uses (`human.tf` is untyped). */
interface TfjsTensor {
  shape: number[];
  dataSync(): Float32Array;
  dispose(): void;
}
interface TfjsGraphModel {
  execute(input: TfjsTensor, outputs: string[]): TfjsTensor | TfjsTensor[];
  dispose(): void;
}
interface Tfjs {
  tensor(values: Float32Array, shape: number[]): TfjsTensor;
  loadGraphModel(url: string): Promise<TfjsGraphModel>;
}

/**
 * Real crops of the astronaut photo at each model's input size: the whole photo for the detector,
 * the face for the mesh, the right eye (image left) for the iris. `range` is Human's normalisation
 * (x/127.5−1 for BlazeFace, x/255 for FaceMesh and Iris); every model is also fed the other range,
 * since equivalence must not depend on the input statistics.
 */
interface Crop {
  left: number;
  top: number;
  width: number;
  height: number;
}
const CASES: { model: HumanModelName; crop: Crop; size: number; range: '[-1,1]' | '[0,1]' }[] = [
  { model: 'blazeface', crop: { left: 0, top: 0, width: 512, height: 512 }, size: 256, range: '[-1,1]' },
  { model: 'facemesh', crop: { left: 140, top: 30, width: 170, height: 170 }, size: 192, range: '[0,1]' },
  { model: 'iris', crop: { left: 170, top: 80, width: 50, height: 50 }, size: 64, range: '[0,1]' },
];
const OTHER_RANGE = { '[-1,1]': '[0,1]', '[0,1]': '[-1,1]' } as const;
const ORT_CONFIG = { executionProvider: 'cpu', intraOpNumThreads: 1, forceSpinningStop: true } as const;

describe('convertTfjsGraphModel on Human’s MediaPipe face models', () => {
  let tf: Tfjs;
  let photo: RgbImage;
  beforeAll(async () => {
    tf = (await loadHuman(0.5, 1)).tf as Tfjs;
    photo = await decodeImage(fixtureBytes('astronaut.png'));
  });

  describe.each(CASES)('$model', ({ model, crop, size, range }) => {
    let converted: ConvertedModel;
    /** As converted, and as the native detector loads it (its PRelus rewritten). */
    const sessions: Record<'as converted' | 'PRelus rewritten', InferenceSession> = {} as never;
    let original: TfjsGraphModel;
    beforeAll(async () => {
      converted = await convertTfjsGraphModel(humanModelPath(model));
      sessions['as converted'] = await createOrtSession(converted.onnx, ORT_CONFIG);
      sessions['PRelus rewritten'] = await createOrtSession(converted.onnx, { ...ORT_CONFIG, preluRewrite: true });
      original = await withFileFetch(() => tf.loadGraphModel(pathToFileURL(humanModelPath(model)).href));
    });
    afterAll(async () => {
      original.dispose();
      await Promise.all(Object.values(sessions).map((s) => s.release()));
    });

    it('keeps the TF input and the signature outputs (names, order, NHWC shapes)', () => {
      const { signature } = modelJson(model);
      expect(converted.input.shape.slice(1)).toEqual([size, size, 3]);
      expect(sessions['as converted'].inputNames).toEqual([converted.input.name]);
      expect(sessions['as converted'].outputNames).toEqual(converted.outputs.map((o) => o.name));
      expect(converted.outputs.map((o) => o.shape)).toEqual(signature.map((s) => s.shape));
    });

    it('has every PRelu rewritten when loaded as the detector loads it (their inputs\' ranks known through Pad, Transpose and Concat)', () => {
      const prelus = (onnx: Uint8Array) => readModelParts(onnx).graph.nodes.filter((n) => n.opType === 'PRelu').length;
      const { model: rewritten, kept } = rewritePrelu(converted.onnx);
      expect(kept).toEqual([]);
      expect(prelus(rewritten)).toBe(0);
    });

    it.each([
      [range, 'as converted'],
      [OTHER_RANGE[range], 'as converted'],
      [range, 'PRelus rewritten'],
    ] as const)('gives the outputs of the tfjs model on a real crop in %s (%s)', async (r, loaded) => {
      const session = sessions[loaded];
      const pixels = await cropPixels(photo, crop, size);
      const input = Float32Array.from(pixels, (v) => (r === '[0,1]' ? v / 255 : v / 127.5 - 1));
      const shape = [1, size, size, 3];
      const ort = await session.run({ [converted.input.name]: new Tensor('float32', input, shape) });
      const x = tf.tensor(input, shape);
      const result = original.execute(
        x,
        modelJson(model).signature.map((s) => s.tensor),
      );
      const expected = Array.isArray(result) ? result : [result];
      converted.outputs.forEach((spec, i) => {
        const actual = ort[spec.name];
        expect(actual.dims).toEqual(expected[i].shape);
        const { maxDiff, range: outRange } = compare(expected[i].dataSync(), actual.data as Float32Array);
        expect(maxDiff).toBeLessThan(Math.max(1e-3, 1e-4 * outRange));
      });
      for (const t of [x, ...expected]) t.dispose();
    });

    it('converts deterministically', async () => {
      const again = await convertTfjsGraphModel(humanModelPath(model));
      expect(Buffer.compare(Buffer.from(again.onnx), Buffer.from(converted.onnx))).toBe(0);
    });
  });

  it('keeps a dynamic TF batch dynamic: a batch of two equals two batches of one', async () => {
    const converted = await convertTfjsGraphModel(humanModelPath('iris'));
    expect(converted.input.shape[0]).toBe(-1);
    const session = await createOrtSession(converted.onnx, ORT_CONFIG);
    const pixels = await cropPixels(photo, CASES[2].crop, 64);
    const a = Float32Array.from(pixels, (v) => v / 255);
    const b = Float32Array.from(pixels, (v) => 1 - v / 255);
    const run = async (data: Float32Array, n: number) => {
      const out = await session.run({ [converted.input.name]: new Tensor('float32', data, [n, 64, 64, 3]) });
      return out[converted.outputs[0].name];
    };
    const both = await run(Float32Array.from([...a, ...b]), 2);
    expect(both.dims).toEqual([2, 1, 1, 228]);
    const singles = Float32Array.from([...((await run(a, 1)).data as Float32Array), ...((await run(b, 1)).data as Float32Array)]);
    expect(compare(singles, both.data as Float32Array).maxDiff).toBeLessThan(1e-5);
    await session.release();
  });
});

describe('convertTfjsGraphModel on models it cannot convert', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tfjs-onnx-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const write = (model: TfGraphModelJson, weights: Float32Array = new Float32Array(0)) => {
    writeFileSync(join(dir, 'w.bin'), Buffer.from(weights.buffer));
    writeFileSync(join(dir, 'model.json'), JSON.stringify(model));
    return join(dir, 'model.json');
  };
  const placeholder = { name: 'x', op: 'Placeholder', attr: { shape: { shape: { dim: [1, 4, 4, 1].map((d) => ({ size: String(d) })) } } } };

  it('names every unsupported op and its node', async () => {
    const path = write({
      format: 'graph-model',
      modelTopology: { node: [placeholder, { name: 'probs', op: 'Softmax', input: ['x'] }, { name: 'Identity', op: 'Identity', input: ['probs'] }] },
      weightsManifest: [],
    });
    await expect(convertTfjsGraphModel(path)).rejects.toThrow(/unsupported TF ops: Softmax \(node probs\)/);
  });

  it('names an unsupported attribute value and its node', async () => {
    const conv = {
      name: 'conv',
      op: '_FusedConv2D',
      input: ['x', 'filter', 'bias'],
      attr: { fused_ops: { list: { s: [b64('BiasAdd'), b64('Relu6')] } }, padding: { s: b64('SAME') }, strides: { list: { i: ['1', '1', '1', '1'] } } },
    };
    const path = write(
      {
        modelTopology: { node: [placeholder, { name: 'filter', op: 'Const' }, { name: 'bias', op: 'Const' }, conv, { name: 'Identity', op: 'Identity', input: ['conv'] }] },
        weightsManifest: [{ paths: ['w.bin'], weights: [{ name: 'filter', shape: [1, 1, 1, 1], dtype: 'float32' }, { name: 'bias', shape: [1], dtype: 'float32' }] }],
      },
      Float32Array.of(2, 0.5),
    );
    await expect(convertTfjsGraphModel(path)).rejects.toThrow('_FusedConv2D node conv: fused_ops [BiasAdd, Relu6] is not supported');
  });
});

function modelJson(model: HumanModelName): { signature: { tensor: string; shape: number[] }[] } {
  const json = JSON.parse(readFileSync(humanModelPath(model), 'utf8')) as TfGraphModelJson;
  const outputs = (json.signature ?? json.userDefinedMetadata?.signature)?.outputs ?? {};
  return { signature: Object.values(outputs).map((o) => ({ tensor: o.name, shape: (o.tensorShape?.dim ?? []).map((d) => Number(d.size)) })) };
}

async function cropPixels(image: RgbImage, crop: Crop, size: number): Promise<Uint8Array> {
  const raw = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract(crop)
    .resize(size, size, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer();
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}

function compare(expected: Float32Array, actual: Float32Array): { maxDiff: number; range: number } {
  expect(actual.length).toBe(expected.length);
  let maxDiff = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < expected.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(expected[i] - actual[i]));
    lo = Math.min(lo, expected[i]);
    hi = Math.max(hi, expected[i]);
  }
  return { maxDiff, range: hi - lo };
}
