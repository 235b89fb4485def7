// The host documents show replies with a missing comma, a trailing comma, a
// string without its closing quote, an object without its closing brace, and
// a stray `{` where a key belongs. Real servers built from the same code send
// the same. This parser accepts exactly those slips and rejects anything that
// looks truncated, so a cut-off reply still fails as invalid JSON.

export class JsonSyntaxError extends Error {}

const maxDepth = 100;

export function parseLenientJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return new LenientParser(text).parseDocument();
  }
}

class LenientParser {
  private pos = 0;
  private implicitCloses = 0;

  constructor(private readonly text: string) {}

  parseDocument(): unknown {
    const value = this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('trailing text');
    // One missing closer at a clean end is a documented slip; more is truncation.
    if (this.implicitCloses > 1) this.fail('unexpected end');
    return value;
  }

  private fail(what: string): never {
    throw new JsonSyntaxError(`${what} at ${this.pos}`);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private value(depth: number): unknown {
    if (depth > maxDepth) this.fail('nesting too deep');
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === '{') return this.object(depth);
    if (ch === '[') return this.array(depth);
    if (ch === '"') return this.string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return result;
      }
    }
    return this.fail('unexpected character');
  }

  private object(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos++;
    let afterMember = false;
    for (;;) {
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === undefined) {
        if (!afterMember) this.fail('unexpected end');
        this.implicitCloses++;
        return out;
      }
      if (ch === '}') {
        this.pos++;
        return out;
      }
      if (ch === ',') {
        this.pos++;
        afterMember = false;
        continue;
      }
      if (ch === '{') {
        // A stray object where a key belongs (watching.vn file/info): keep its members.
        Object.assign(out, this.object(depth + 1));
      } else if (ch === '"') {
        const key = this.string();
        this.skipSpace();
        if (this.text[this.pos] !== ':') this.fail('expected colon');
        this.pos++;
        // As JSON.parse does: "__proto__" becomes an own member, never the object's prototype.
        Object.defineProperty(out, key, { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
      } else {
        this.fail('expected key');
      }
      afterMember = true;
    }
  }

  private array(depth: number): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    let afterElement = false;
    for (;;) {
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === undefined) {
        if (!afterElement) this.fail('unexpected end');
        this.implicitCloses++;
        return out;
      }
      if (ch === ']') {
        this.pos++;
        return out;
      }
      if (ch === ',') {
        this.pos++;
        afterElement = false;
        continue;
      }
      out.push(this.value(depth + 1));
      afterElement = true;
    }
  }

  private string(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('unterminated string');
      // A line break inside a string means the closing quote was left out.
      if (ch === '\n' || ch === '\r') return out;
      this.pos++;
      if (ch === '"') return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = this.text[this.pos++];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (esc !== undefined && esc in simple) {
        out += simple[esc];
      } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos, this.pos + 4))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else {
        this.fail('bad escape');
      }
    }
  }

  private number(): number {
    const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!match) this.fail('bad number');
    this.pos += match[0].length;
    return Number(match[0]);
  }
}
