import { DomainError } from '@gmdb/domain';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, decodeCaseCursor, encodeCaseCursor, pageSizeOf } from './case-cursor';

describe('case cursors and page sizes', () => {
  it('round-trips a position', () => {
    const position = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '6f1f7c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f' };
    expect(decodeCaseCursor(encodeCaseCursor(position))).toEqual(position);
    expect(decodeCaseCursor(undefined)).toBeUndefined();
    expect(decodeCaseCursor('')).toBeUndefined();
  });

  it.each(['nonsense', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["x","y"]').toString('base64url'), 'x'.repeat(500)])(
    'refuses a cursor it did not make: %s',
    (cursor) => {
      expect(() => decodeCaseCursor(cursor)).toThrow(DomainError);
    },
  );

  it('takes page sizes from 1 to the maximum, as numbers or query strings', () => {
    expect(pageSizeOf(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSizeOf('7')).toBe(7);
    expect(pageSizeOf(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    for (const bad of [0, MAX_PAGE_SIZE + 1, '1.5', -1, ['1'], 'ten']) expect(() => pageSizeOf(bad)).toThrow(DomainError);
  });
});
