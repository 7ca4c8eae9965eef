import {
  IssueCode,
  IssueCollector,
  ValidationResult,
  describeType,
  fail,
  invalid,
  isPlainObject,
  joinPath,
  valid,
} from '../validation';

/** An age, normalised. `iso` is canonical: months >= 12 fold into years, weeks into days. */
export interface Age {
  /** Canonical ISO 8601 duration: `P2Y3M`, `P10D`, `P0D`. */
  iso: string;
  years: number;
  months: number;
  days: number;
  /** Approximate age in days (a year counts 365.25 days, a month 30.4375), rounded down. */
  totalDays: number;
}

/** An upper bound on plausible ages. */
export const MAX_AGE_YEARS = 120;
const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;
const PARTS = ['years', 'months', 'days'] as const;

/** Builds the canonical age from non-negative whole parts. */
export function makeAge(years: number, months: number, days: number): Age {
  const y = years + Math.floor(months / 12);
  const m = months % 12;
  let iso = 'P';
  if (y) iso += `${y}Y`;
  if (m) iso += `${m}M`;
  if (days || iso === 'P') iso += `${days}D`;
  return { iso, years: y, months: m, days, totalDays: Math.floor(y * DAYS_PER_YEAR + m * DAYS_PER_MONTH + days) };
}

function bounded(age: Age, path: string): ValidationResult<Age> {
  return age.totalDays > MAX_AGE_YEARS * DAYS_PER_YEAR
    ? fail(path, IssueCode.OUT_OF_RANGE, `An age must be at most ${MAX_AGE_YEARS} years`)
    : valid(age);
}

function fromIso(text: string, path: string): ValidationResult<Age> {
  const t = text.trim().toUpperCase();
  const m = ISO.exec(t);
  if (!m || t === 'P') {
    return fail(path, IssueCode.INVALID_FORMAT, 'Must be an ISO 8601 duration of years, months, weeks and days, e.g. P2Y3M or P10D');
  }
  const [years, months, weeks, days] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (![years, months, weeks, days].every(Number.isSafeInteger)) return fail(path, IssueCode.OUT_OF_RANGE, 'The age is too large');
  return bounded(makeAge(years, months, weeks * 7 + days), path);
}

function fromParts(input: Record<string, unknown>, path: string): ValidationResult<Age> {
  const issues = new IssueCollector();
  for (const key of Object.keys(input)) {
    if (!(PARTS as readonly string[]).includes(key)) {
      issues.add(joinPath(path, key), IssueCode.UNKNOWN_FIELD, `Unknown field "${key}"; use years, months, days`);
    }
  }
  const parts = { years: 0, months: 0, days: 0 };
  let present = 0;
  for (const key of PARTS) {
    const v = input[key];
    if (v === undefined || v === null) continue;
    present += 1;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) issues.add(joinPath(path, key), IssueCode.INVALID_FORMAT, 'Must be a whole number');
    else if (v < 0) issues.add(joinPath(path, key), IssueCode.OUT_OF_RANGE, 'Must not be negative');
    else parts[key] = v;
  }
  if (present === 0) issues.add(path, IssueCode.REQUIRED, 'Give at least one of years, months, days');
  if (!issues.ok) return invalid(issues.issues.slice());
  return bounded(makeAge(parts.years, parts.months, parts.days), path);
}

/**
 * An age: either `{ years?, months?, days? }` of non-negative whole numbers or an ISO 8601
 * duration (`P2Y3M`, `P10D`, `P3W`). Negative ages, fractions, time parts and ages over
 * 120 years are refused.
 */
export function validateAge(input: unknown, path = ''): ValidationResult<Age> {
  if (typeof input === 'string') return fromIso(input, path);
  if (isPlainObject(input)) return fromParts(input, path);
  return fail(path, IssueCode.INVALID_TYPE, `Expected an ISO 8601 duration or { years, months, days }, got ${describeType(input)}`);
}
