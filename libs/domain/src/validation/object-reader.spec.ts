import { IssueCode } from './issue-code';
import { objectOf } from './object-reader';
import { arrayOf } from './array-of';
import { integerValue, stringValue } from './primitives';
import { joinPath, prefixIssues } from './path';

const person = objectOf((r) => {
  const name = r.required('name', stringValue({ maxLength: 5 }));
  const age = r.optional('age', integerValue({ min: 0 }));
  if (name === undefined) return undefined;
  return { name, age };
});
const people = arrayOf(person, { maxItems: 3 });

describe('objectOf / ObjectReader', () => {
  it('reads a good object', () => {
    expect(person({ name: 'Ann', age: 3 }, '')).toEqual({ ok: true, value: { name: 'Ann', age: 3 } });
    expect(person({ name: 'Ann', age: null }, '')).toEqual({ ok: true, value: { name: 'Ann', age: undefined } });
  });

  it('reports every issue with its path, unknown fields included', () => {
    const r = people([{ name: 'Ann' }, { name: 'Too long name', age: -1, extra: 1 }, { age: 'x' }], 'people');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['people[1].name', IssueCode.OUT_OF_RANGE],
      ['people[1].age', IssueCode.OUT_OF_RANGE],
      ['people[1].extra', IssueCode.UNKNOWN_FIELD],
      ['people[2].name', IssueCode.REQUIRED],
      ['people[2].age', IssueCode.INVALID_TYPE],
    ]);
  });

  it('refuses non-objects and too many items', () => {
    expect(person([], 'p')).toEqual({ ok: false, issues: [expect.objectContaining({ path: 'p', code: IssueCode.INVALID_TYPE })] });
    expect(person(null, 'p').ok).toBe(false);
    expect(people([{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }], 'x')).toMatchObject({ ok: false, issues: [{ code: IssueCode.OUT_OF_RANGE }] });
    expect(people('nope', 'x')).toMatchObject({ ok: false, issues: [{ code: IssueCode.INVALID_TYPE }] });
  });

  it('allows missing required fields in partial mode', () => {
    const patch = objectOf((r) => ({ name: r.required('name', stringValue()) }), { partial: true });
    expect(patch({}, '')).toEqual({ ok: true, value: { name: undefined } });
  });
});

describe('paths', () => {
  it('joins keys and indexes', () => {
    expect(joinPath('', 'a')).toBe('a');
    expect(joinPath('a', 0)).toBe('a[0]');
    expect(joinPath('a[0]', 'b')).toBe('a[0].b');
    expect(joinPath('a', 'odd key')).toBe('a["odd key"]');
  });

  it('prefixes issues', () => {
    const issues = [
      { path: '', code: 'X', message: '' },
      { path: '[1]', code: 'X', message: '' },
      { path: 'b', code: 'X', message: '' },
    ];
    expect(prefixIssues('a', issues).map((i) => i.path)).toEqual(['a', 'a[1]', 'a.b']);
  });
});
