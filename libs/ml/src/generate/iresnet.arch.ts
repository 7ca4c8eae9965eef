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
