import { GENERATED_WEIGHTS_NOTICE, type LoadedManifest, type PhotoEncoding, type Point } from '@gmdb/ml';

const r2 = (n: number) => Math.round(n * 100) / 100;
const pt = (p: Point): [number, number] => [r2(p[0]), r2(p[1])];

/** The JSON `gmdb encode` prints (the embedding itself goes to --embedding-out). */
export interface EncodeDocument {
  photo: string;
  face: {
    box: { x: number; y: number; width: number; height: number };
    score: number;
    /** In the photo's pixels (after EXIF orientation); left/right as seen in the image. */
    landmarks: { leftEye: [number, number]; rightEye: [number, number]; nose: [number, number]; leftMouth: [number, number]; rightMouth: [number, number] };
  };
  alignment: { cropPath: string; rotationDeg: number; redetected: boolean; landmarksFrom: PhotoEncoding['aligned']['landmarksFrom']; residualsPx: number[] };
  slots: number;
  modelVersion: string;
  models: { id: string; arch: string; version?: string }[];
  generatedWeights: boolean;
  notice?: string;
  embeddingOut?: string;
  timingsMs: { decode: number; detect: number; align: number; encode: number; models: number[]; total: number };
}

export function toEncodeDocument(photo: string, r: PhotoEncoding, manifest: LoadedManifest, cropPath: string, embeddingOut?: string): EncodeDocument {
  const [leftEye, rightEye, nose, leftMouth, rightMouth] = r.face.landmarks5;
  const t = r.timings;
  return {
    photo,
    face: {
      box: { x: r2(r.face.box.x), y: r2(r.face.box.y), width: r2(r.face.box.width), height: r2(r.face.box.height) },
      score: Math.round(r.face.box.score * 1e4) / 1e4,
      landmarks: { leftEye: pt(leftEye), rightEye: pt(rightEye), nose: pt(nose), leftMouth: pt(leftMouth), rightMouth: pt(rightMouth) },
    },
    alignment: { cropPath, rotationDeg: r2(r.aligned.rotationDeg), redetected: r.aligned.redetected, landmarksFrom: r.aligned.landmarksFrom, residualsPx: r.aligned.residualsPx.map(r2) },
    slots: r.slots,
    modelVersion: r.modelVersion,
    models: manifest.models.map((m) => ({ id: m.id, arch: m.arch, version: m.version })),
    generatedWeights: r.weightsAreGenerated,
    ...(r.weightsAreGenerated ? { notice: GENERATED_WEIGHTS_NOTICE } : {}),
    ...(embeddingOut ? { embeddingOut } : {}),
    timingsMs: {
      decode: r2(t.decodeMs),
      detect: r2(t.detectMs),
      align: r2(t.alignMs),
      encode: r2(t.encodeMs),
      models: t.modelMs.map(r2),
      total: r2(t.decodeMs + t.detectMs + t.alignMs + t.encodeMs),
    },
  };
}
