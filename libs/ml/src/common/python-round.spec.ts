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

  it('away from ties, equals the nearest decimal as toFixed writes it (20 000 seeded values, 0 to 6 places)', () => {
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      const x = (next() - 0.3) * 4;
      const digits = i % 7;
      const scaled = Math.abs(x) * 10 ** digits;
      if (Math.abs(scaled - Math.floor(scaled) - 0.5) <= 1e-6) continue;
      expect(pythonRound(x, digits)).toBe(Number(x.toFixed(digits)));
    }
  });
});
