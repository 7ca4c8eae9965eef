/** insightface iResNet depths: blocks per stage (stages of 64, 128, 256, 512 channels). */
export const IRESNET_LAYERS = {
  r18: [2, 2, 2, 2],
  r34: [3, 4, 6, 3],
  r50: [3, 4, 14, 3],
  r100: [3, 13, 30, 3],
} as const;

export type IResNetArch = keyof typeof IRESNET_LAYERS;

export const IRESNET_ARCHS = Object.keys(IRESNET_LAYERS) as IResNetArch[];

export function isIResNetArch(value: string): value is IResNetArch {
  return Object.prototype.hasOwnProperty.call(IRESNET_LAYERS, value);
}

export const EMBEDDING_SIZE = 512;
export const INPUT_SIZE = 112;

/** Channels of the four stages. */
export const STAGE_WIDTHS = [64, 128, 256, 512] as const;

/**
 * Multiply-accumulates of one 112x112 image through the network's convolutions and its final
 * fully connected layer (BN, PReLU and Add are left out: they are a rounding error). Doubled, this
 * is the FLOP count benchmarks divide by: r50 6.309 G and r100 12.090 G, insightface's figures.
 */
export function iresnetMacs(arch: IResNetArch): number {
  let side = INPUT_SIZE;
  let macs = side * side * 64 * 3 * 9; // stem: 3x3, 3 -> 64
  let inputs = 64;
  IRESNET_LAYERS[arch].forEach((blocks, stage) => {
    const width = STAGE_WIDTHS[stage];
    for (let b = 0; b < blocks; b++) {
      const stride = b === 0 ? 2 : 1;
      macs += side * side * width * inputs * 9; // conv1: 3x3 at the input size
      side /= stride;
      macs += side * side * width * width * 9; // conv2: 3x3, strided in the first block
      if (b === 0) macs += side * side * width * inputs; // downsample: 1x1, strided
      inputs = width;
    }
  });
  return macs + side * side * 512 * EMBEDDING_SIZE;
}
