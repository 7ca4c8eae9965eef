import { RgbImage } from '../common/rgb-image';
import { TtaVariant } from './tta.variants';

export interface Normalisation {
  channelOrder: 'RGB' | 'BGR';
  /** Per channel in `channelOrder`: value = (x/255 − mean) / std. */
  mean: readonly [number, number, number];
  std: readonly [number, number, number];
}

/** OpenCV's RGB2GRAY for 8-bit input: fixed-point 0.299 R + 0.587 G + 0.114 B, rounded. */
export function gray8(r: number, g: number, b: number): number {
  return (r * 4899 + g * 9617 + b * 1868 + 8192) >> 14;
}

/**
 * The encoder input for one crop and its variants: float32 NCHW [variants, 3, H, W], in the
 * model's channel order and normalisation. Gray = RGB→GRAY→RGB (all channels equal); flip = mirror
 * left-right; both = gray of the flipped crop (the same pixels either way).
 */
export function preprocessCrop(crop: RgbImage, variants: readonly TtaVariant[], norm: Normalisation): Float32Array {
  const { width, height, data } = crop;
  const plane = width * height;
  const out = new Float32Array(variants.length * 3 * plane);
  const order = norm.channelOrder === 'RGB' ? [0, 1, 2] : [2, 1, 0];
  const scale = order.map((_, c) => 1 / (255 * norm.std[c]));
  const shift = order.map((_, c) => norm.mean[c] / norm.std[c]);
  variants.forEach((v, n) => {
    const base = n * 3 * plane;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const sx = v.flip ? width - 1 - x : x;
        const p = (y * width + sx) * 3;
        const o = y * width + x;
        if (v.gray) {
          const g = gray8(data[p], data[p + 1], data[p + 2]);
          for (let c = 0; c < 3; c++) out[base + c * plane + o] = g * scale[c] - shift[c];
        } else {
          for (let c = 0; c < 3; c++) out[base + c * plane + o] = data[p + order[c]] * scale[c] - shift[c];
        }
      }
    }
  });
  return out;
}
