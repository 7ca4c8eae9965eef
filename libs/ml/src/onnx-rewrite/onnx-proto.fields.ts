/** Field numbers of the onnx.proto messages the rewrite reads (it writes through generate/onnx-model.encoder) (onnx/onnx.proto, ONNX 1.x). */
export const ModelField = { IR_VERSION: 1, GRAPH: 7, OPSET_IMPORT: 8 } as const;

export const OperatorSetIdField = { DOMAIN: 1, VERSION: 2 } as const;

export const GraphField = { NODE: 1, INITIALIZER: 5, INPUT: 11, OUTPUT: 12, VALUE_INFO: 13 } as const;

export const NodeField = { INPUT: 1, OUTPUT: 2, NAME: 3, OP_TYPE: 4, ATTRIBUTE: 5, DOMAIN: 7 } as const;

export const AttributeField = { NAME: 1, F: 2, I: 3, G: 6, INTS: 8, GRAPHS: 11, TYPE: 20 } as const;

export const TensorField = { DIMS: 1, DATA_TYPE: 2, FLOAT_DATA: 4, NAME: 8, RAW_DATA: 9, DATA_LOCATION: 14 } as const;

/** TensorProto.DataType.FLOAT and TensorProto.DataLocation.EXTERNAL. */
export const FLOAT_DATA_TYPE = 1;
export const EXTERNAL_DATA_LOCATION = 1;

export const ValueInfoField = { NAME: 1, TYPE: 2 } as const;
export const TypeField = { TENSOR_TYPE: 1 } as const;
export const TensorTypeField = { ELEM_TYPE: 1, SHAPE: 2 } as const;
export const ShapeField = { DIM: 1 } as const;
