import { DomainError, ErrorCode } from '@gmdb/domain';
import { CliFailure, toCliFailure } from './cli-failure';

describe('toCliFailure', () => {
  it('puts the code first, then one line per issue or face box', () => {
    const boxes = new DomainError(ErrorCode.IMAGE_MULTIPLE_FACES, '2 faces were found', { faces: [{ x: 1.234, y: 2, width: 30, height: 31, score: 0.91234 }, { x: 5, y: 6, width: 7, height: 8 }] });
    expect(toCliFailure(boxes).message).toBe('IMAGE_MULTIPLE_FACES: 2 faces were found\n  face box x=1.2 y=2 width=30 height=31 score=0.912\n  face box x=5 y=6 width=7 height=8');
    const issues = DomainError.validation([{ path: 'G.csv:1', code: 'COLUMN_MISSING', message: 'column label is missing' }]);
    expect(toCliFailure(issues)).toMatchObject({ code: 'VALIDATION_FAILED', message: 'VALIDATION_FAILED: The input is not valid\n  G.csv:1: column label is missing' });
  });

  it('keeps a CliFailure, labels anything else INTERNAL', () => {
    const f = new CliFailure('X', 'X: y');
    expect(toCliFailure(f)).toBe(f);
    expect(toCliFailure(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: 'INTERNAL: boom' });
  });
});
