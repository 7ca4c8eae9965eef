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
  // Far from a tie the exact-decimal check cannot change the answer: the cheap path.
  if (Math.abs(frac - 0.5) > 1e-6) return Number(x.toFixed(digits));
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
