import { FACE_DETECTOR_KINDS, type FaceDetectorKind } from '@gmdb/ml';
import { InvalidArgumentError } from 'commander';

export const DETECTOR_OPTION_HELP = `face detector: ${FACE_DETECTOR_KINDS.join(' or ')} (default: $WORKER_FACE_DETECTOR, else native)`;

/** `--detector native|human`. */
export function parseDetector(value: string): FaceDetectorKind {
  const kind = FACE_DETECTOR_KINDS.find((k) => k === value);
  if (!kind) throw new InvalidArgumentError(FACE_DETECTOR_KINDS.join(' or '));
  return kind;
}

/** The option, else the worker's setting, else native; a bad WORKER_FACE_DETECTOR is refused like the option. */
export function detectorKind(option: FaceDetectorKind | undefined, env: NodeJS.ProcessEnv): FaceDetectorKind {
  if (option) return option;
  const configured = env.WORKER_FACE_DETECTOR;
  return configured ? parseDetector(configured) : 'native';
}
