/**
 * Python's `round(x, digits)`: the decimal nearest to the exact binary value of x, ties to even.
 * (JS `toFixed` also rounds the exact value but breaks exact ties upwards.) The reference
 * service rounds gestalt scores this way.
 */
export function pythonRound(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  if (x < 0) return -pythonRound(-x, digits);
  const scaled = x * 10 ** digits;
  const frac = scaled - Math.floor(scaled);
  // Far from a tie the exact-decimal check cannot change the answer: the cheap path. Where x·10^d
  // is below 1e9 (its rounding error then far below the 1e-6 tie window) the nearest integer n to
  // it is the decimal's digits, and n / 10^d (one correctly rounded division; 10^d is exact up to
  // d = 22) is the double nearest to that decimal, as Number(x.toFixed(d)) is, without the string.
  if (Math.abs(frac - 0.5) > 1e-6) return scaled < 1e9 && digits >= 0 && digits <= 22 ? Math.round(scaled) / 10 ** digits : Number(x.toFixed(digits));
  const exact = x.toFixed(100); // the exact decimal expansion for the magnitudes used here
  const dot = exact.indexOf('.');
  const rest = exact.slice(dot + 1 + digits);
  const isTie = /^50*$/.test(rest);
  if (!isTie) return Number(x.toFixed(digits));
  const truncated = exact.slice(0, dot + 1 + digits).replace(/\.$/, '');
  const lastDigit = Number(truncated[truncated.length - 1]);
  if (lastDigit % 2 === 0) return Number(truncated);
  return Number((Number(truncated) + 10 ** -digits).toFixed(digits));
}
