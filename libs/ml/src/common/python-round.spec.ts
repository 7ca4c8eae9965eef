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

  // References printed by CPython 3: `round(x, n)` for values across the fast path (up to 22
  // places, up to 1e9 scaled), the exact-tie check and the toFixed fallback.
  it.each([
    [0.004999999999999999, 2, 0],
    [1.0000005, 6, 1.000001],
    [123.45678901234, 9, 123.456789012],
    [2.5e-13, 13, 2e-13],
    [1.5e-14, 14, 1e-14],
    [7.35e-15, 16, 7.3e-15],
    [0.000123456789, 12, 0.000123456789],
    [12345678.901, 1, 12345678.9],
    [99999999.95, 1, 100000000.0],
    [0.1 + 0.2, 1, 0.3],
    [1.3 - 0.8444000482559204, 3, 0.456],
    [8.5e-21, 21, 8e-21],
    [3.14159e-12, 22, 3.14159e-12],
    [0.285, 2, 0.28],
    [1.005, 2, 1.0],
  ])('as CPython: round(%p, %p) = %p', (x, digits, expected) => {
    expect(pythonRound(x, digits)).toBe(expected);
    expect(pythonRound(-x, digits)).toBe(-expected);
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
