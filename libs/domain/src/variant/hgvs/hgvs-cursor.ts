/** A syntax error at a 0-based character position of the whole expression. */
export class HgvsSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'HgvsSyntaxError';
  }
}

/** The read position of a recursive-descent parser over one string. */
export class HgvsCursor {
  pos: number;

  constructor(
    readonly text: string,
    start = 0,
  ) {
    this.pos = start;
  }

  get eof(): boolean {
    return this.pos >= this.text.length;
  }

  peek(n = 0): string {
    return this.text[this.pos + n] ?? '';
  }

  rest(): string {
    return this.text.slice(this.pos);
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  /** Consumes `s` when it comes next. */
  eat(s: string): boolean {
    if (!this.startsWith(s)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string, what = `"${s}"`): void {
    if (!this.eat(s)) this.fail(`expected ${what}`);
  }

  /** Consumes a run of characters matching `re` (a one-character class). */
  takeWhile(re: RegExp): string {
    const start = this.pos;
    while (!this.eof && re.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** A positive decimal integer without leading zeros, or undefined (nothing consumed). */
  integer(): number | undefined {
    const start = this.pos;
    const digits = this.takeWhile(/\d/);
    if (digits === '') return undefined;
    if (digits.length > 1 && digits.startsWith('0')) {
      this.pos = start;
      this.fail('a number must not start with 0');
    }
    const n = Number(digits);
    if (!Number.isSafeInteger(n)) this.fail('number too large');
    return n;
  }

  fail(message: string, at = this.pos): never {
    const found = at < this.text.length ? `"${this.text.slice(at, at + 10)}"` : 'the end';
    throw new HgvsSyntaxError(`${message} at position ${at + 1} (found ${found})`, at);
  }
}
