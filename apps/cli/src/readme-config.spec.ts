import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configReferenceMarkdown } from './config-reference';

const README = resolve(__dirname, '../../../README.md');
const START = '<!-- env-table:start -->';
const END = '<!-- env-table:end -->';

/**
 * The README's environment table is generated from the config schemas. This test fails when it is
 * stale; `UPDATE_README=1 npx jest apps/cli/src/readme-config.spec.ts` rewrites it.
 */
describe('README environment table', () => {
  it('lists exactly the variables the apps read, with their defaults', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const expected = `${START}\n${configReferenceMarkdown()}\n${END}`;
    const actual = readme.slice(start, end + END.length);
    if (actual !== expected && process.env.UPDATE_README === '1') {
      writeFileSync(README, readme.slice(0, start) + expected + readme.slice(end + END.length));
      return;
    }
    expect(actual).toBe(expected);
  });
});
