import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname } from 'node:path';
import { IResNetArch } from './iresnet.arch';
import { buildIResNetGraph } from './iresnet.builder';
import { encodeOnnxModel } from './onnx-model.encoder';

export interface IResNetSpec {
  arch: IResNetArch;
  seed: number;
}

/**
 * The ONNX bytes of an iResNet with seeded weights: input `input` [batch,3,112,112] float32,
 * output `embedding` [batch,512]. Deterministic: the same arch and seed give the same bytes.
 */
export function generateIResNet(spec: IResNetSpec): Buffer {
  if (endianness() !== 'LE') throw new Error('ONNX raw_data is little-endian; this host is big-endian');
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer in [0, 2^32), got ${spec.seed}`);
  }
  return encodeOnnxModel(buildIResNetGraph(spec.arch, spec.seed));
}

/** Writes the model to `outFile` atomically (temporary file in the same folder, then rename). */
export async function writeModel(arch: IResNetArch, seed: number, outFile: string): Promise<Buffer> {
  const bytes = generateIResNet({ arch, seed });
  await writeFileAtomic(outFile, bytes);
  return bytes;
}

export async function writeFileAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
