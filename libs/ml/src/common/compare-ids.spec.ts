import { compareIds } from './compare-ids';

describe('compareIds', () => {
  it('orders decimal ids numerically, others by text, integers first', () => {
    expect(['10', '9', 'b', '0010', 'a', '2'].sort(compareIds)).toEqual(['2', '9', '0010', '10', 'a', 'b']);
    expect(compareIds('123456789012345678901', '99')).toBeGreaterThan(0);
    expect(compareIds('x', 'x')).toBe(0);
  });
});
