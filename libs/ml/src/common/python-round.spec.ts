import { pythonRound } from './python-round';

describe('pythonRound (Python round(x, n))', () => {
  it.each([
    [0.8565, 3, 0.857], // binary value is above the tie
    [2.675, 2, 2.67],
    [0.125, 2, 0.12], // exact tie -> even
    [0.375, 2, 0.38],
    [1.3 - 0.4444, 3, 0.856],
    [-0.125, 2, -0.12],
    [0.5, 0, 0],
    [1.5, 0, 2],
  ])('round(%p, %p) = %p', (x, digits, expected) => {
    expect(pythonRound(x, digits)).toBe(expected);
  });
});
