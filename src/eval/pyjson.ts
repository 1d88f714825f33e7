/**
 * JSON parsing with the semantics of Python's `json.loads`, so the TS scorer accepts and rejects exactly the
 * lines score.py does. JSON.parse differs in three ways that change scores or diagnostics:
 *  - Python accepts the literals NaN, Infinity and -Infinity;
 *  - Python keeps `5.0` a float, and score.py only takes ints as mention offsets (JSON.parse yields 5 either
 *    way). Objects remember which of their keys held a float literal under FLOAT_KEYS;
 *  - Python (3.11+) refuses integer literals of more than 4300 digits.
 * Both reject raw control characters in strings, trailing commas and a leading BOM.
 */

/** Non-enumerable property of parsed objects: the keys whose value was a float literal (absent when none). */
export const FLOAT_KEYS: unique symbol = Symbol('pyjson.floatKeys');

export class PyJsonError extends Error {}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
const PLAIN_CHARS = /[^"\\\x00-\x1f]*/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const ESCAPES = ['"\\/bfnrt', '"\\/\b\f\n\r\t'] as const;
const LITERALS: ReadonlyArray<readonly [string, unknown, boolean]> = [
  ['null', null, false], ['true', true, false], ['false', false, false],
  ['NaN', NaN, true], ['Infinity', Infinity, true], ['-Infinity', -Infinity, true],
];

export function parsePyJson(text: string): unknown {
  const p = new Parser(text);
  p.ws();
  const v = p.value();
  p.ws();
  if (p.i !== text.length) p.fail('Extra data');
  return v;
}

class Parser {
  i = 0;
  /** Whether the value just parsed was a float (read by the enclosing object). */
  float = false;

  constructor(private readonly s: string) {}

  fail(msg: string): never {
    throw new PyJsonError(`${msg} at position ${this.i}`);
  }

  ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i]!)) this.i++;
  }

  value(): unknown {
    this.float = false;
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [lit, v, isFloat] of LITERALS) {
      if (this.s.startsWith(lit, this.i)) {
        this.i += lit.length;
        this.float = isFloat;
        return v;
      }
    }
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) this.fail('Expecting value');
    this.float = m[1] !== undefined || m[2] !== undefined;
    if (!this.float && m[0].replace('-', '').length > 4300) this.fail('Exceeds the limit (4300 digits)');
    this.i += m[0].length;
    return Number(m[0]);
  }

  private object(): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    const floats = new Set<string>();
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
    } else {
      for (;;) {
        if (this.s[this.i] !== '"') this.fail('Expecting property name enclosed in double quotes');
        const k = this.string();
        this.ws();
        if (this.s[this.i++] !== ':') this.fail("Expecting ':' delimiter");
        this.ws();
        // defineProperty: a "__proto__" key must become a plain own property, as in a Python dict
        Object.defineProperty(o, k, { value: this.value(), writable: true, enumerable: true, configurable: true });
        if (this.float) floats.add(k);
        else floats.delete(k); // a repeated key: the last value wins
        this.ws();
        const c = this.s[this.i++];
        if (c === '}') break;
        if (c !== ',') this.fail("Expecting ',' delimiter");
        this.ws();
      }
    }
    if (floats.size) Object.defineProperty(o, FLOAT_KEYS, { value: floats });
    this.float = false;
    return o;
  }

  private array(): unknown[] {
    const a: unknown[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
    } else {
      for (;;) {
        a.push(this.value());
        this.ws();
        const c = this.s[this.i++];
        if (c === ']') break;
        if (c !== ',') this.fail("Expecting ',' delimiter");
        this.ws();
      }
    }
    this.float = false;
    return a;
  }

  private string(): string {
    let out = '';
    this.i++;
    for (;;) {
      PLAIN_CHARS.lastIndex = this.i;
      const run = PLAIN_CHARS.exec(this.s)![0];
      out += run;
      this.i += run.length;
      const c = this.s[this.i++];
      if (c === '"') break;
      if (c === undefined) this.fail('Unterminated string');
      if (c !== '\\') this.fail('Invalid control character');
      const e = this.s[this.i++] ?? '';
      if (e === 'u') {
        const hex = this.s.slice(this.i, this.i + 4);
        if (!HEX4.test(hex)) this.fail('Invalid \\uXXXX escape');
        // surrogate escapes are appended as UTF-16 units: a high+low pair becomes one character, as in Python
        out += String.fromCharCode(parseInt(hex, 16));
        this.i += 4;
      } else {
        const k = e ? ESCAPES[0].indexOf(e) : -1;
        if (k < 0) this.fail('Invalid \\escape');
        out += ESCAPES[1][k];
      }
    }
    this.float = false;
    return out;
  }
}
