const DIGITS = /^\d+$/;

/**
 * Total order on image, case and disorder ids used for every stable tie-break: two canonical
 * decimal integers compare numerically ("9" < "10", any length), anything else by UTF-16 code
 * units (a UUID sorts as its lowercase text). Integers sort before other ids.
 */
export function compareIds(a: string, b: string): number {
  const an = DIGITS.test(a);
  const bn = DIGITS.test(b);
  if (an && bn) {
    const as = a.replace(/^0+(?=\d)/, '');
    const bs = b.replace(/^0+(?=\d)/, '');
    if (as.length !== bs.length) return as.length - bs.length;
    if (as !== bs) return as < bs ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
