/** One test-time augmentation of the aligned crop. */
export interface TtaVariant {
  flip: boolean;
  gray: boolean;
}

/** The reference order within one model: flip {no, yes} x gray {no, yes}. */
export const FOUR_VARIANTS: readonly TtaVariant[] = [
  { flip: false, gray: false },
  { flip: false, gray: true },
  { flip: true, gray: false },
  { flip: true, gray: true },
];

export const PLAIN_VARIANT: readonly TtaVariant[] = [{ flip: false, gray: false }];

/**
 * Variants per model for an ensemble: `slots === models` → plain only (3 slots, the service
 * default); `slots === 4 * models` → all four (12 slots, the paper). Slot order is model-major:
 * slot = model * variantsPerModel + variant.
 */
export function variantsPerModel(models: number, slots: number): readonly TtaVariant[] {
  if (slots === models) return PLAIN_VARIANT;
  if (slots === 4 * models) return FOUR_VARIANTS;
  throw new RangeError(`slots must be ${models} or ${4 * models} for ${models} models, got ${slots}`);
}
