/** Shown wherever a result comes from generated (seeded random) weights. */
export const GENERATED_WEIGHTS_NOTICE =
  'These embeddings come from generated (seeded random) encoder weights, not from trained GestaltMatcher models: rankings from generated weights mean nothing.';

/** Carried by every result of the engine so the API and CLIs can show the notice. */
export interface WeightsProvenance {
  weightsAreGenerated: boolean;
  /** Set when weightsAreGenerated. */
  notice?: string;
}

export function provenance(weightsAreGenerated: boolean): WeightsProvenance {
  return weightsAreGenerated ? { weightsAreGenerated, notice: GENERATED_WEIGHTS_NOTICE } : { weightsAreGenerated };
}
