import fc from 'fast-check';

// Arbitraries of the inputs that break servers: every Unicode character, lone
// surrogates, NUL, very long strings, impossible and far-off dates, and number
// tokens that JSON.stringify cannot write (1e400 parses as Infinity).

/** A JSON token written as is, for numbers no JS value serialises to. */
export class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold `Raw` tokens. */
export const toJsonText = (v: unknown): string => {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJsonText).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const members = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${toJsonText(x)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
};

/** Any Unicode scalar value, NUL included. */
const codePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .filter((c) => c < 0xd800 || c > 0xdfff)
  .map((c) => String.fromCodePoint(c));
const unicode = fc.string({ unit: codePoint, maxLength: 40 });
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const around = (middle: fc.Arbitrary<string>) =>
  fc.tuple(unicode, middle, unicode).map(([a, m, b]) => a + m + b);

const LONG = ['x'.repeat(100_000), '😀'.repeat(50_000), `${'é'.repeat(99_999)}\ud800`];
const DATE_LIKE = [
  '0000-01-01T00:00:00.000Z',
  '0001-01-01T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59.999Z',
  '9999-12-30T23:59:59.999-01:00',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-02-30T00:00:00.000Z',
  '2026-01-01T00:00:00.000+14:00',
  '0000-01-01',
  '2026-02-30',
  '9999-12-31',
  'Invalid Date',
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Timestamps and dates at and past the edges of what is stored: year 0, 1969, 9999, offsets across them. */
export const nastyDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...DATE_LIKE),
  fc
    .record({
      year: fc.constantFrom(0, 1, 1969, 1970, 2026, 9999),
      month: fc.constantFrom(1, 2, 12),
      day: fc.constantFrom(1, 29, 30, 31),
      offset: fc.constantFrom('Z', '+14:00', '-12:00', '+00:00', ''),
    })
    .chain(({ year, month, day, offset }) => {
      const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
      return fc.constantFrom(date, `${date}T00:00:00.000${offset}`, `${date}T23:59:59.999${offset}`);
    }),
  fc
    .date({ noInvalidDate: false })
    .map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
);

/** Strings a server has to refuse or store faithfully. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: unicode },
  { weight: 2, arbitrary: around(loneSurrogate) },
  { weight: 1, arbitrary: around(fc.constant('\0')) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG) },
  { weight: 2, arbitrary: nastyDate },
  { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\t\n',
      '__proto__',
      'constructor',
      'Etc/GMT+15',
      'US/Pacific-New',
      'UTC\0',
      '%_\\',
    ),
  },
);

const NUMBER_TOKENS = [
  '-0',
  '0.1',
  '1.5',
  '-1',
  '1e308',
  '-1e308',
  '1e400',
  '-1e400',
  '5e-324',
  '1e-400',
  '2147483648',
  '9007199254740992',
  '9007199254740993',
  '9223372036854775808',
  '1e21',
];

/** Number tokens: boundaries, overflow to ±Infinity, -0, huge integers. */
export const nastyNumber: fc.Arbitrary<Raw> = fc.oneof(
  fc.constantFrom(...NUMBER_TOKENS).map((t) => new Raw(t)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => new Raw(JSON.stringify(n))),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((b) => new Raw(b.toString())),
);

/** One nasty value of any JSON type. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [[[[[]]]]]) },
);

/** A nasty value to put in place of `current`, biased to its kind: a date by bad dates, a number by bad numbers. */
export const nastyInPlaceOf = (current: unknown): fc.Arbitrary<unknown> => {
  if (typeof current === 'string' && /^\d{4}-\d\d-\d\d/.test(current)) return fc.oneof(nastyDate, nastyValue);
  if (typeof current === 'number') return fc.oneof(nastyNumber, nastyValue);
  return nastyValue;
};

/** Arbitrary JSON made of nasty values, keys included. */
export const nastyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyValue,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

type Path = (string | number)[];

/** The last step of a path to a key an object does not have yet. */
export const NEW_KEY = '\u0000new key';

/** Every path into a JSON value, the root included, plus a new key (`NEW_KEY`) on each object. */
export function pathsOf(v: unknown, at: Path = []): Path[] {
  const here: Path[] = [at];
  if (Array.isArray(v)) return here.concat(...v.map((x, i) => pathsOf(x, [...at, i])));
  if (v !== null && typeof v === 'object') {
    const inner = Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...at, k]));
    return [...here, [...at, NEW_KEY], ...inner];
  }
  return here;
}

/** The value at `path`, or undefined. */
export const valueAt = (v: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], v);

/** A copy of a plain JSON value with `value` put at `path`. */
export function withValueAt(v: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = JSON.parse(JSON.stringify(v)) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}
