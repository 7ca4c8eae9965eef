import { DEFAULT_DETECTOR_CONFIG, FaceDetector, FaceDetectorConfig } from './face-detector.interface';
import { HumanFaceDetector } from './human-face.detector';
import { NativeFaceDetector } from './native/native-face.detector';

/**
 * Which implementation finds faces. Both run the same MediaPipe models (BlazeFace, FaceMesh, Iris)
 * whose weights ship inside @vladmandic/human: `native` converts them to ONNX at start and runs
 * them in onnxruntime (about 16 ms of CPU per photo here, against 55 ms), `human` runs them
 * through Human on tfjs-wasm. `native` looks at each face levelled by BlazeFace's eye keypoints
 * (its `meshView` 'upright', which also spares the aligner its second landmark pass and follows
 * faces turned up to 60° or more); with `meshView` 'photo' it reports what `human` reports on every
 * fixture (boxes, scores, points within 2 px) except that it feeds the subject's right eye to the
 * iris model unmirrored, as the model expects (native-face.detector.spec.ts, iris.stage.spec.ts).
 */
export type FaceDetectorKind = 'native' | 'human';

export const FACE_DETECTOR_KINDS: readonly FaceDetectorKind[] = ['native', 'human'];

export function createFaceDetector(kind: FaceDetectorKind, config: Partial<FaceDetectorConfig> = {}): Promise<FaceDetector> {
  const full = { ...DEFAULT_DETECTOR_CONFIG, ...config };
  return kind === 'native' ? NativeFaceDetector.create(full) : HumanFaceDetector.create(full);
}
