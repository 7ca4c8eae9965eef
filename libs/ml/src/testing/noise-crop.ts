import { type RgbImage, rgbImage } from '../common/rgb-image';
import { SeededRandom } from '../common/seeded-random';

/** A 112x112 crop of seeded uniform noise: an encoder input that is the same on every run. */
export function noiseCrop(seed: number): RgbImage {
  const rng = new SeededRandom(seed);
  const img = rgbImage(112, 112);
  for (let i = 0; i < img.data.length; i++) img.data[i] = rng.int(256);
  return img;
}
