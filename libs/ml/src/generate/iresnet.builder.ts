import { SeededRandom } from '../common/seeded-random';
import { EMBEDDING_SIZE, INPUT_SIZE, IRESNET_LAYERS, IResNetArch, STAGE_WIDTHS } from './iresnet.arch';
import { OnnxGraph, OnnxNode, OnnxTensor } from './onnx-graph.types';

// Module-scope copies of Math functions: global lookups are slow inside vm contexts (jest).
const { floor, sqrt } = Math;
const EPS = 1e-5;
const FINAL_SPATIAL = 7 * 7;

interface BatchNorm {
  gamma: Float64Array;
  beta: Float64Array;
  mean: Float64Array;
  variance: Float64Array;
}

/**
 * Builds insightface's `arcface_torch/backbones/iresnet.py` as an ONNX graph with seeded weights.
 *
 * Stem Conv3x3(3→64)+BN+PReLU; per block BN → Conv3x3 → BN → PReLU → Conv3x3(stride) → BN, plus the
 * identity or a Conv1x1(stride)+BN downsample; head BN2d → Flatten → Linear(25088→512) → BN1d (γ=1).
 * BatchNorms that follow a conv are folded into it (W·s, β−μ·s); the head's two BNs fold into the
 * Gemm; the block's leading BN stays a node because it feeds a zero-padded conv. Dropout is absent
 * (identity at inference). Weights are drawn in graph order from one mulberry32 stream, so the same
 * seed gives the same graph.
 */
export function buildIResNetGraph(arch: IResNetArch, seed: number): OnnxGraph {
  return new IResNetBuilder(seed).build(arch);
}

class IResNetBuilder {
  private readonly rng: SeededRandom;
  private readonly nodes: OnnxNode[] = [];
  private readonly initializers: OnnxTensor[] = [];

  constructor(seed: number) {
    this.rng = new SeededRandom(seed);
  }

  build(arch: IResNetArch): OnnxGraph {
    let x = this.convBn('input', 'stem', 3, 64, 3, 1, false);
    x = this.prelu(x, 'stem.prelu', 64);
    let inplanes = 64;
    IRESNET_LAYERS[arch].forEach((blocks, stage) => {
      const planes = STAGE_WIDTHS[stage];
      for (let b = 0; b < blocks; b++) {
        x = this.block(x, `layer${stage + 1}.${b}`, inplanes, planes, b === 0 ? 2 : 1);
        inplanes = planes;
      }
    });
    const flat = 'features.flat';
    this.nodes.push({ opType: 'Flatten', name: 'flatten', inputs: [x], outputs: [flat], attributes: [{ name: 'axis', kind: 'int', value: 1 }] });
    this.head(flat, inplanes);
    return {
      name: `iresnet_${arch}`,
      nodes: this.nodes,
      initializers: this.initializers,
      inputs: [{ name: 'input', type: 'float', shape: ['batch', 3, INPUT_SIZE, INPUT_SIZE] }],
      outputs: [{ name: 'embedding', type: 'float', shape: ['batch', EMBEDDING_SIZE] }],
    };
  }

  private block(x: string, name: string, inplanes: number, planes: number, stride: number): string {
    const bn1 = this.batchNorm(inplanes, 0.8, 1.2);
    const pre = this.bnNode(x, `${name}.bn1`, bn1);
    let out = this.convBn(pre, `${name}.conv1`, inplanes, planes, 3, 1, false);
    out = this.prelu(out, `${name}.prelu`, planes);
    out = this.convBn(out, `${name}.conv2`, planes, planes, 3, stride, true);
    const identity = stride !== 1 || inplanes !== planes ? this.convBn(x, `${name}.downsample`, inplanes, planes, 1, stride, false) : x;
    const sum = `${name}.add`;
    this.nodes.push({ opType: 'Add', name: sum, inputs: [out, identity], outputs: [sum] });
    return sum;
  }

  /** Conv (no bias) followed by a BN, folded into one Conv with bias. */
  private convBn(x: string, name: string, cin: number, cout: number, k: number, stride: number, residualTail: boolean): string {
    const fanIn = cin * k * k;
    const w = this.normals(cout * fanIn, sqrt(2 / fanIn));
    const bn = residualTail ? this.batchNorm(cout, 0.1, 0.3) : this.batchNorm(cout, 0.8, 1.2);
    const weight = new Float32Array(cout * fanIn);
    const bias = new Float32Array(cout);
    for (let o = 0; o < cout; o++) {
      const s = bn.gamma[o] / sqrt(bn.variance[o] + EPS);
      for (let i = 0; i < fanIn; i++) weight[o * fanIn + i] = w[o * fanIn + i] * s;
      bias[o] = bn.beta[o] - bn.mean[o] * s;
    }
    this.tensor(`${name}.weight`, [cout, cin, k, k], weight);
    this.tensor(`${name}.bias`, [cout], bias);
    const pad = (k - 1) / 2;
    this.nodes.push({
      opType: 'Conv',
      name,
      inputs: [x, `${name}.weight`, `${name}.bias`],
      outputs: [name],
      attributes: [
        { name: 'dilations', kind: 'ints', value: [1, 1] },
        { name: 'group', kind: 'int', value: 1 },
        { name: 'kernel_shape', kind: 'ints', value: [k, k] },
        { name: 'pads', kind: 'ints', value: [pad, pad, pad, pad] },
        { name: 'strides', kind: 'ints', value: [stride, stride] },
      ],
    });
    return name;
  }

  private bnNode(x: string, name: string, bn: BatchNorm): string {
    this.tensor(`${name}.scale`, [bn.gamma.length], Float32Array.from(bn.gamma));
    this.tensor(`${name}.bias`, [bn.beta.length], Float32Array.from(bn.beta));
    this.tensor(`${name}.mean`, [bn.mean.length], Float32Array.from(bn.mean));
    this.tensor(`${name}.var`, [bn.variance.length], Float32Array.from(bn.variance));
    this.nodes.push({
      opType: 'BatchNormalization',
      name,
      inputs: [x, `${name}.scale`, `${name}.bias`, `${name}.mean`, `${name}.var`],
      outputs: [name],
      attributes: [{ name: 'epsilon', kind: 'float', value: EPS }],
    });
    return name;
  }

  private prelu(x: string, name: string, channels: number): string {
    const slope = Float32Array.from(this.normals(channels, 0.02), (v) => 0.25 + v);
    this.tensor(`${name}.slope`, [channels, 1, 1], slope);
    this.nodes.push({ opType: 'PRelu', name, inputs: [x, `${name}.slope`], outputs: [name] });
    return name;
  }

  /** bn2 (2-D, 512 channels × 7×7) → Linear → features BN1d, all folded into one Gemm. */
  private head(flat: string, channels: number): void {
    const bn2 = this.batchNorm(channels, 0.8, 1.2);
    const inFeatures = channels * FINAL_SPATIAL;
    const fcW = this.normals(EMBEDDING_SIZE * inFeatures, sqrt(1 / inFeatures));
    const fcB = this.normals(EMBEDDING_SIZE, 0.01);
    const features = this.batchNorm(EMBEDDING_SIZE, 1, 1);
    const weight = new Float32Array(EMBEDDING_SIZE * inFeatures);
    const bias = new Float32Array(EMBEDDING_SIZE);
    const s2 = bn2.gamma.map((g, c) => g / sqrt(bn2.variance[c] + EPS));
    const t2 = bn2.beta.map((b, c) => b - bn2.mean[c] * s2[c]);
    for (let o = 0; o < EMBEDDING_SIZE; o++) {
      const sf = features.gamma[o] / sqrt(features.variance[o] + EPS);
      const tf = features.beta[o] - features.mean[o] * sf;
      let shift = fcB[o];
      for (let k = 0; k < inFeatures; k++) {
        const c = floor(k / FINAL_SPATIAL);
        const wk = fcW[o * inFeatures + k];
        weight[o * inFeatures + k] = wk * s2[c] * sf;
        shift += wk * t2[c];
      }
      bias[o] = sf * shift + tf;
    }
    this.tensor('fc.weight', [EMBEDDING_SIZE, inFeatures], weight);
    this.tensor('fc.bias', [EMBEDDING_SIZE], bias);
    this.nodes.push({
      opType: 'Gemm',
      name: 'fc',
      inputs: [flat, 'fc.weight', 'fc.bias'],
      outputs: ['embedding'],
      attributes: [
        { name: 'alpha', kind: 'float', value: 1 },
        { name: 'beta', kind: 'float', value: 1 },
        { name: 'transB', kind: 'int', value: 1 },
      ],
    });
  }

  /** γ ~ U(lo, hi) (U(0.1, 0.3) on a residual branch's last BN keeps activations bounded); β, μ ~ N(0, 0.05); σ² ~ U(0.5, 1.5). */
  private batchNorm(channels: number, gammaLo: number, gammaHi: number): BatchNorm {
    const gamma = new Float64Array(channels);
    const beta = new Float64Array(channels);
    const mean = new Float64Array(channels);
    const variance = new Float64Array(channels);
    for (let c = 0; c < channels; c++) {
      gamma[c] = gammaLo === gammaHi ? gammaLo : this.rng.uniform(gammaLo, gammaHi);
      beta[c] = this.rng.normal(0, 0.05);
      mean[c] = this.rng.normal(0, 0.05);
      variance[c] = this.rng.uniform(0.5, 1.5);
    }
    return { gamma, beta, mean, variance };
  }

  private normals(n: number, sd: number): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.rng.normal(0, sd);
    return out;
  }

  private tensor(name: string, dims: number[], data: Float32Array): void {
    this.initializers.push({ name, dims, type: 'float', data });
  }
}
