import { InvalidArgumentError } from 'commander';

/** `--threads N`: ONNX Runtime intra-op threads, 0 = one per core this process may use (availableCores). */
export function parseThreads(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 256) throw new InvalidArgumentError('an integer from 0 to 256');
  return n;
}
