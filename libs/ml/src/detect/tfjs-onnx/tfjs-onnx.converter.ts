import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { encodeOnnxModel } from '../../generate/onnx-model.encoder';
import { TensorSpec, convertTfGraph } from './tf-graph.converter';
import { TfGraphModelJson } from './tfjs-model.types';
import { decodeTfjsWeights } from './tfjs-weights.decoder';

export interface ConvertedModel {
  /** ONNX ModelProto bytes (ir_version 8, opset 13). */
  onnx: Uint8Array;
  /** NHWC like the TF model, e.g. [1,256,256,3]; a TF batch of -1 is the `batch` dim_param in ONNX. */
  input: TensorSpec;
  /** The TF signature's outputs: same order, shapes and layout. */
  outputs: TensorSpec[];
}

/**
 * Converts a TensorFlow.js graph model (`model.json` plus its weight shards beside it) to an ONNX
 * model that takes and returns the same tensors as the TF model, but computes in NCHW inside so
 * onnxruntime uses its fast convolution kernels. Deterministic: same files, same bytes.
 */
export async function convertTfjsGraphModel(modelJsonPath: string): Promise<ConvertedModel> {
  const model = JSON.parse(await readFile(modelJsonPath, 'utf8')) as TfGraphModelJson;
  if (model.format !== undefined && model.format !== 'graph-model') throw new Error(`${modelJsonPath}: format ${model.format} is not a graph model`);
  if (!model.modelTopology?.node || !Array.isArray(model.weightsManifest)) throw new Error(`${modelJsonPath}: modelTopology.node or weightsManifest is missing`);
  const consts = await decodeTfjsWeights(dirname(modelJsonPath), model.weightsManifest);
  const { graph, input, outputs } = convertTfGraph(basename(modelJsonPath, '.json'), model, consts);
  return { onnx: encodeOnnxModel(graph), input, outputs };
}
