import { join } from 'node:path';
import { humanPaths } from '../human.loader';

export type HumanModelName = 'blazeface' | 'facemesh' | 'iris';

/** Absolute path of a face model's `model.json` shipped inside @vladmandic/human (weights beside it). */
export function humanModelPath(name: HumanModelName): string {
  return join(humanPaths().modelDir, `${name}.json`);
}
