import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Bytes, sha256File } from '../common/file-hash';
import { IResNetSpec, generateIResNet, writeFileAtomic } from './iresnet.generator';

export interface GeneratedModelFile extends IResNetSpec {
  file: string;
  sha256: string;
  /** true when this call wrote the file, false when a verified copy was reused. */
  created: boolean;
}

export function generatedModelFileName(spec: IResNetSpec): string {
  return `iresnet-${spec.arch}-seed${spec.seed}.onnx`;
}

/**
 * Makes each generated model under `dir` on first use and reuses it afterwards. Beside each
 * `X.onnx` sits `X.onnx.sha256`; a file is reused only when its sha256 matches that record,
 * otherwise it is regenerated. Both files are written atomically, so concurrent callers (jest
 * workers, two processes) at worst generate the same bytes twice.
 */
export async function ensureGeneratedModels(dir: string, specs: readonly IResNetSpec[]): Promise<GeneratedModelFile[]> {
  const out: GeneratedModelFile[] = [];
  for (const spec of specs) out.push(await ensureGeneratedModel(dir, spec));
  return out;
}

export async function ensureGeneratedModel(dir: string, spec: IResNetSpec): Promise<GeneratedModelFile> {
  const file = join(dir, generatedModelFileName(spec));
  const record = `${file}.sha256`;
  if (existsSync(file) && existsSync(record)) {
    const expected = (await readFile(record, 'utf8')).trim();
    const actual = await sha256File(file);
    if (expected === actual) return { ...spec, file, sha256: actual, created: false };
  }
  const bytes = generateIResNet(spec);
  const sha256 = sha256Bytes(bytes);
  await writeFileAtomic(file, bytes);
  await writeFileAtomic(record, `${sha256}\n`);
  return { ...spec, file, sha256, created: true };
}
