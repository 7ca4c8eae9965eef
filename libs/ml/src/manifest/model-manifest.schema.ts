import { z } from 'zod';
import { IRESNET_ARCHS } from '../generate/iresnet.arch';

const triple = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);

const quantizationSchema = z
  .object({
    scheme: z.literal('int8-qdq'),
    fromSha256: z.string().regex(/^[0-9a-f]{64}$/),
    quantizedConvs: z.number().int().nonnegative(),
    affineBatchNorms: z.number().int().nonnegative().optional(),
    elementwisePrelus: z.number().int().nonnegative().optional(),
    keptConvs: z.array(z.object({ node: z.string(), reason: z.string() }).strict()),
    calibrationCrops: z.number().int().positive(),
    agreement: z
      .object({
        heldOut: z.boolean(),
        inputs: z.number().int().positive(),
        minCosine: z.number().finite(),
        medianCosine: z.number().finite(),
        meanCosine: z.number().finite(),
      })
      .strict(),
  })
  .strict();

/** One encoder of the ensemble. `file` is relative to the manifest's folder (or absolute). */
export const modelSpecSchema = z
  .object({
    id: z.string().min(1),
    file: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'),
    /** Architecture label: r18 | r34 | r50 | r100 for iResNets; other ONNX encoders name theirs. */
    arch: z.string().min(1),
    /** Graph input to feed; default: the session's first input (insightface exports use e.g. `input.1`). */
    inputName: z.string().min(1).optional(),
    size: z.literal(112),
    channelOrder: z.enum(['RGB', 'BGR']),
    /** Per channel, in `channelOrder`: value = (x/255 − mean) / std. */
    mean: triple,
    std: triple.refine((s) => s.every((v) => v !== 0), 'std must not contain 0'),
    version: z.string().min(1),
    /** Present when the weights were generated from a seed (they mean nothing). */
    generated: z.object({ seed: z.number().int().nonnegative() }).optional(),
    /**
     * Present for an int8 encoder made by `gmdb model quantize` (or the generated int8 preset): how
     * it was made and how closely its embeddings follow the float model's. Informational: the
     * embeddings of a quantized model are its own `version`, never mixed with the float model's.
     */
    quantization: quantizationSchema.optional(),
  })
  .strict();

export const modelManifestSchema = z
  .object({
    /** Version of the whole ensemble: stored with every embedding row. */
    version: z.string().min(1),
    /** True for seeded random weights (tests, benchmarks, standalone mode): rankings mean nothing. */
    generatedWeights: z.boolean().optional(),
    ensemble: z
      .object({
        models: z.array(modelSpecSchema).min(1),
        /** One slot per model (plain), or four per model (flip × gray): 3 or 12 for the paper's 3 models. */
        slots: z.number().int().positive(),
      })
      .strict()
      .superRefine((e, ctx) => {
        const n = e.models.length;
        if (e.slots !== n && e.slots !== 4 * n) {
          ctx.addIssue({ code: 'custom', path: ['slots'], message: `slots must be ${n} (plain) or ${4 * n} (flip x gray) for ${n} models` });
        }
        const ids = new Set<string>();
        e.models.forEach((m, i) => {
          if (ids.has(m.id)) ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `duplicate model id ${m.id}` });
          ids.add(m.id);
          if (m.generated && !(IRESNET_ARCHS as string[]).includes(m.arch)) {
            ctx.addIssue({ code: 'custom', path: ['models', i, 'arch'], message: `generated models must be one of ${IRESNET_ARCHS.join(', ')}` });
          }
        });
      }),
  })
  .strict();

export type ModelSpec = z.infer<typeof modelSpecSchema>;
export type ModelManifest = z.infer<typeof modelManifestSchema>;

/** insightface ArcFace models: RGB, (x/255 − 0.5)/0.5 = (x − 127.5)/127.5. */
export const ARCFACE_NORMALISATION = { channelOrder: 'RGB', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], size: 112 } as const;
