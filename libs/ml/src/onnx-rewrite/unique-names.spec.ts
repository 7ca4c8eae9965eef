import { readModelParts } from './onnx-model.parts';
import { preluTestModel } from './prelu-test.model';
import { UniqueNames } from './unique-names';

describe('UniqueNames', () => {
  it('avoids every node, tensor and graph input/output name, and each name it gave before', () => {
    const names = new UniqueNames(readModelParts(preluTestModel()).graph);
    expect(['x', 'w', 'slope', 'mixed', 'y'].map((n) => names.take(n))).toEqual(['x.1', 'w.1', 'slope.1', 'mixed.1', 'y.1']);
    expect([names.take('y/zeros'), names.take('y/zeros'), names.take('y/zeros')]).toEqual(['y/zeros', 'y/zeros.1', 'y/zeros.2']);
  });
});
