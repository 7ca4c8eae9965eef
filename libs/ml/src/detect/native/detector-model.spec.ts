import { loadHuman } from '../human.loader';
import { HumanModelName, humanModelPath } from '../tfjs-onnx';
import { DetectorModel, DetectorModels, disposeDetectorModels, loadDetectorModels, outputOfSize } from './detector-model';
import { loadOrtDetectorModels } from './ort-detector.model';
import { TfjsApi, TfjsDetectorModel, loadTfjsDetectorModels } from './tfjs-detector.model';

jest.setTimeout(60_000);

/** A smooth, non-constant input in the model's range, for any size. */
function probe(shape: number[], batch: number): Float32Array {
  const n = batch * shape.slice(1).reduce((a, b) => a * b, 1);
  return Float32Array.from({ length: n }, (_, i) => 0.5 + 0.45 * Math.sin(i * 0.013) * Math.cos(i * 0.0007));
}

describe('DetectorModel runners agree (tfjs-wasm reference vs onnxruntime)', () => {
  let tfjs: DetectorModels;
  let ort: DetectorModels;
  beforeAll(async () => {
    [tfjs, ort] = await Promise.all([loadTfjsDetectorModels(), loadOrtDetectorModels()]);
  });
  afterAll(() => Promise.all([disposeDetectorModels(tfjs), disposeDetectorModels(ort)]));

  it.each<[HumanModelName, number]>([
    ['blazeface', 1],
    ['facemesh', 2],
    ['iris', 3],
  ])('%s: same input shape, same outputs in the same order (batch %i)', async (name, batch) => {
    expect(ort[name].inputShape).toEqual(tfjs[name].inputShape);
    const input = probe(tfjs[name].inputShape, batch);
    const [expected, actual] = await Promise.all([tfjs[name].run(input, batch), ort[name].run(input, batch)]);
    expect(actual.map((o) => o.length)).toEqual(expected.map((o) => o.length));
    expected.forEach((e, i) => {
      const scale = e.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
      const worst = e.reduce((m, v, j) => Math.max(m, Math.abs(v - actual[i][j])), 0);
      expect(worst).toBeLessThan(1e-4 * scale);
    });
  });

  it('outputOfSize names the model and the sizes it saw when no output fits', () => {
    const outputs = [new Float32Array(4), new Float32Array(8)];
    expect(outputOfSize(outputs, 2, 4, 'facemesh points')).toBe(outputs[1]);
    expect(() => outputOfSize(outputs, 2, 3, 'facemesh points')).toThrow('facemesh points: expected one output of 3 values per item, got outputs of [2, 4] per item');
  });

  it('loadDetectorModels releases the models that loaded when another fails, and rethrows', async () => {
    const released: string[] = [];
    const fake = (name: string): DetectorModel => ({ inputShape: [1, 1, 1, 3], run: async () => [], dispose: async () => void released.push(name) });
    const failing = loadDetectorModels(async (name) => {
      if (name === 'facemesh') throw new Error('facemesh: broken');
      return fake(name);
    });
    await expect(failing).rejects.toThrow('facemesh: broken');
    expect(released.sort()).toEqual(['blazeface', 'iris']);
  });

  it('TfjsDetectorModel refuses a model file that is not there, naming it', async () => {
    const tf = (await loadHuman(1, 1)).tf as TfjsApi;
    await expect(TfjsDetectorModel.load(tf, humanModelPath('iris').replace('iris.json', 'missing.json'))).rejects.toThrow('missing.json');
  });
});
