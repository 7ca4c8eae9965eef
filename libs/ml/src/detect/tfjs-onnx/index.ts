// TensorFlow.js graph models (Human's MediaPipe face models) converted to ONNX for onnxruntime.
export { convertTfjsGraphModel } from './tfjs-onnx.converter';
export type { ConvertedModel } from './tfjs-onnx.converter';
export type { TensorSpec } from './tf-graph.converter';
export { humanModelPath } from './human-model.paths';
export type { HumanModelName } from './human-model.paths';
