import { ProgressReporter } from './progress.reporter';

describe('ProgressReporter', () => {
  afterEach(() => jest.useRealTimers());

  it('stays quiet for short runs, then prints at most one line a second and a closing line', () => {
    jest.useFakeTimers({ now: 0 });
    const lines: string[] = [];
    const p = new ProgressReporter('gmdb eval', (l) => lines.push(l));
    p.update(1, 10, 'test images');
    jest.setSystemTime(1500);
    p.update(5, 10, 'test images');
    p.update(6, 10, 'test images');
    jest.setSystemTime(2600);
    p.update(9, undefined, 'lines read');
    p.done('10 test images');
    expect(lines).toEqual(['gmdb eval: 5/10 test images (50%)\n', 'gmdb eval: 9 lines read\n', 'gmdb eval: 10 test images in 2.6 s\n']);
  });

  it('a run that never printed says nothing at the end', () => {
    const lines: string[] = [];
    const p = new ProgressReporter('x', (l) => lines.push(l));
    p.done('done');
    expect(lines).toEqual([]);
  });
});
