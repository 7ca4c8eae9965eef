import { DEFAULT_DETECTOR_CONFIG, FaceDetector, FaceDetectorConfig } from './face-detector.interface';
import { HumanFaceDetector } from './human-face.detector';
import { NativeFaceDetector } from './native/native-face.detector';

/**
 * Which implementation finds faces. Both run the same MediaPipe models (BlazeFace, FaceMesh, Iris)
 * whose weights ship inside @vladmandic/human: `native` converts them to ONNX at start and runs
 * them in onnxruntime (about 20 ms of CPU per call here, against 55 ms), `human` runs them
 * through Human on tfjs-wasm. They agree on every fixture (boxes, scores, points within 2 px)
 * except that `native` feeds the subject's right eye to the iris model unmirrored, as the model
 * expects (native-face.detector.spec.ts, iris.stage.spec.ts).
 */
export type FaceDetectorKind = 'native' | 'human';

export const FACE_DETECTOR_KINDS: readonly FaceDetectorKind[] = ['native', 'human'];

export function createFaceDetector(kind: FaceDetectorKind, config: Partial<FaceDetectorConfig> = {}): Promise<FaceDetector> {
  const full = { ...DEFAULT_DETECTOR_CONFIG, ...config };
  return kind === 'native' ? NativeFaceDetector.create(full) : HumanFaceDetector.create(full);
}
