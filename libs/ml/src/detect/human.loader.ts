import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config, Human } from '@vladmandic/human';
import { withFileFetch } from './file-fetch.shim';

type HumanModule = { Human: new (config?: Partial<Config>) => Human };

/** Where the packages' files sit (their `exports` hide the dist files, so resolve the main entry and walk). */
export function humanPaths(): { distFile: string; modelDir: string; wasmDir: string } {
  const humanDist = dirname(require.resolve('@vladmandic/human'));
  const wasmDist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  return {
    distFile: join(humanDist, 'human.node-wasm.js'),
    modelDir: join(humanDist, '..', 'models'),
    wasmDir: `${wasmDist}/`,
  };
}

/**
 * Loads Human's node-wasm build offline: required by absolute path (its `exports` map lacks the
 * `./` keys), wasm binaries from the local tfjs-backend-wasm, models from the package through a
 * `file://` fetch shim that is active only while the models load. Face box + mesh + iris only.
 */
export async function loadHuman(minScore: number, maxFaces: number): Promise<Human> {
  const paths = humanPaths();
  const mod = require(paths.distFile) as HumanModule;
  const off = { enabled: false };
  const human = new mod.Human({
    backend: 'wasm',
    wasmPath: paths.wasmDir,
    wasmPlatformFetch: false,
    modelBasePath: `${pathToFileURL(paths.modelDir).href}/`,
    debug: false,
    async: false,
    warmup: 'none',
    cacheSensitivity: 0,
    skipAllowed: false,
    face: {
      enabled: true,
      detector: { rotation: false, maxDetected: maxFaces, minConfidence: minScore, iouThreshold: 0.1, skipFrames: 0, skipTime: 0, return: false },
      mesh: { enabled: true },
      iris: { enabled: true },
      attention: off,
      description: off,
      emotion: off,
      antispoof: off,
      liveness: off,
      gear: off,
    },
    body: off,
    hand: off,
    object: off,
    gesture: off,
    segmentation: off,
    filter: off,
  });
  await withFileFetch(async () => {
    await human.load();
    await human.tf.ready();
  });
  return human;
}
