import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { DomainError, ErrorCode, FieldIssue } from '@gmdb/domain';
import { sha256File } from '../common/file-hash';
import { ModelManifest, ModelSpec, modelManifestSchema } from './model-manifest.schema';

export interface LoadedModel extends ModelSpec {
  /** Absolute path of the ONNX file (its sha256 was checked). */
  path: string;
}

export interface LoadedManifest {
  version: string;
  models: LoadedModel[];
  slots: number;
  /** True when the manifest says `generatedWeights` or any model has generated weights. */
  weightsAreGenerated: boolean;
  /** Where it was read from (undefined for in-memory manifests). */
  source?: string;
}

export interface LoadManifestOptions {
  /** Hash each model file and compare with the manifest (default true). */
  verifyChecksums?: boolean;
}

/** Validates a manifest object; MODEL_MANIFEST_INVALID lists every problem with its JSON path. */
export function parseManifest(value: unknown): ModelManifest {
  const result = modelManifestSchema.safeParse(value);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((i) => ({
    path: i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n ? '.' : ''}${String(p)}`)).join(''),
    code: i.code,
    message: i.message,
  }));
  throw new DomainError(ErrorCode.MODEL_MANIFEST_INVALID, `The model manifest is invalid: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, { issues });
}

/** Reads, validates and checks a manifest file: MODEL_MANIFEST_INVALID, MODEL_FILE_MISSING, MODEL_CHECKSUM_MISMATCH. */
export async function loadManifestFile(file: string, options: LoadManifestOptions = {}): Promise<LoadedManifest> {
  if (!existsSync(file)) {
    throw new DomainError(ErrorCode.MODEL_MANIFEST_INVALID, `The model manifest ${file} does not exist`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new DomainError(ErrorCode.MODEL_MANIFEST_INVALID, `The model manifest ${file} is not valid JSON: ${(e as Error).message}`, { file });
  }
  return resolveManifest(parseManifest(json), dirname(resolve(file)), options, resolve(file));
}

/** Resolves model paths against `baseDir` and checks each file exists and matches its sha256. */
export async function resolveManifest(manifest: ModelManifest, baseDir: string, options: LoadManifestOptions = {}, source?: string): Promise<LoadedManifest> {
  const models: LoadedModel[] = [];
  for (const [i, spec] of manifest.ensemble.models.entries()) {
    const path = isAbsolute(spec.file) ? spec.file : resolve(baseDir, spec.file);
    if (!existsSync(path)) {
      throw new DomainError(ErrorCode.MODEL_FILE_MISSING, `Model ${spec.id} (ensemble.models[${i}]): file ${path} does not exist`, { modelId: spec.id, path });
    }
    if (options.verifyChecksums !== false) {
      const actual = await sha256File(path);
      if (actual !== spec.sha256) {
        throw new DomainError(ErrorCode.MODEL_CHECKSUM_MISMATCH, `Model ${spec.id}: sha256 of ${path} is ${actual}, the manifest says ${spec.sha256}`, {
          modelId: spec.id,
          path,
          expected: spec.sha256,
          actual,
        });
      }
    }
    models.push({ ...spec, path });
  }
  return {
    version: manifest.version,
    models,
    slots: manifest.ensemble.slots,
    weightsAreGenerated: manifest.generatedWeights === true || models.some((m) => m.generated !== undefined),
    source,
  };
}
