import type { LoadedManifest } from '../../manifest/manifest.loader';
import type { OrtSessionConfig } from '../ort-session.factory';

/** What the encoder thread is started with. */
export interface EncoderThreadInit {
  manifest: LoadedManifest;
  config: Partial<OrtSessionConfig>;
}

/** An error as it crosses the thread boundary (name, message and, for a DomainError, its code). */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
  details?: unknown;
}

export type ToEncoderThread = { kind: 'encode'; id: number; width: number; height: number; data: Uint8Array } | { kind: 'release' };

export type FromEncoderThread =
  | { kind: 'ready' }
  | { kind: 'init-failed'; error: ThreadError }
  | { kind: 'encoded'; id: number; embedding: Float32Array; modelMs: number[] }
  | { kind: 'failed'; id: number; error: ThreadError }
  | { kind: 'released' };
