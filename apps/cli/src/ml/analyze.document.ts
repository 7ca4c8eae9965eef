import { type DetectedFace, GENERATED_WEIGHTS_NOTICE, type LoadedManifest, type RankedLabel, type Ranking } from '@gmdb/ml';

/** The JSON `gmdb analyze` prints: the worker's analysis result fields, from the worker's gallery or one given as files. */
export interface AnalyzeDocument {
  photo: string;
  modelVersion: string;
  models: { id: string; arch: string; version?: string }[];
  slots: number;
  generatedWeights: boolean;
  notice?: string;
  gallery: { source: string; images: number; imagesUsed: number };
  face: { x: number; y: number; width: number; height: number; score: number };
  disorders: { rank: number; disorderId: string; distance: number; gestaltScore: number }[];
  genes: { rank: number; symbol: string; distance: number; gestaltScore: number }[];
  /** FAIR cases only: a private case is never named. */
  patients: { rank: number; caseId: string; imageId: string; distance: number; gestaltScore: number }[];
  timingsMs: { encode: number; search: number };
}

const r6 = (d: number) => Math.round(d * 1e6) / 1e6;
const r2 = (d: number) => Math.round(d * 100) / 100;
const scored = (l: RankedLabel, i: number) => ({ rank: i + 1, distance: r6(l.distance), gestaltScore: l.gestaltScore });

export interface AnalyzeDocumentInput {
  photo: string;
  manifest: LoadedManifest;
  face: DetectedFace;
  ranking: Ranking;
  gallerySource: string;
  galleryImages: number;
  timingsMs: { encode: number; search: number };
}

export function toAnalyzeDocument(input: AnalyzeDocumentInput): AnalyzeDocument {
  const { manifest, ranking, face } = input;
  return {
    photo: input.photo,
    modelVersion: manifest.version,
    models: manifest.models.map((m) => ({ id: m.id, arch: m.arch, version: m.version })),
    slots: manifest.slots,
    generatedWeights: manifest.weightsAreGenerated,
    ...(manifest.weightsAreGenerated ? { notice: GENERATED_WEIGHTS_NOTICE } : {}),
    gallery: { source: input.gallerySource, images: input.galleryImages, imagesUsed: ranking.galleryImages },
    face: { x: r2(face.box.x), y: r2(face.box.y), width: r2(face.box.width), height: r2(face.box.height), score: Math.round(face.box.score * 1e4) / 1e4 },
    disorders: ranking.disorders.map((l, i) => ({ ...scored(l, i), disorderId: l.id })),
    genes: ranking.genes.map((l, i) => ({ ...scored(l, i), symbol: l.id })),
    // rankGallery lists FAIR cases only (private images count for disorders and genes, never as a patient).
    patients: ranking.patients.map((l, i) => ({ ...scored(l, i), caseId: l.id, imageId: l.nearestImageId })),
    timingsMs: { encode: r2(input.timingsMs.encode), search: r2(input.timingsMs.search) },
  };
}
