import fc from 'fast-check';

/**
 * Characters that have broken parsers before: NUL and other controls, bidi overrides, BOM, lone surrogates,
 * emoji and combining sequences, characters whose case or folding changes their length, and the punctuation of
 * URLs, JSON, Cypher and Lucene.
 */
const awkwardCharacter = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '😀',
  '👩‍👩‍👧',
  '🇵🇪',
  'é',
  'e\u0301',
  'ß',
  'İ',
  'ﬀ',
  'Ω',
  '文',
  'ع',
  '١',
  '５',
  '`',
  "'",
  '"',
  '\\',
  '$',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ',',
  ':',
  '/',
  '%',
  '&',
  '=',
  '?',
  '#',
  '+',
  ';',
  '*',
  '~',
  '^',
  '!',
  '-',
  '|',
  '<',
  '>',
  ' AND ',
  ' OR ',
  'NOT ',
  '*:*',
  '~2',
  ' MATCH (n) DETACH DELETE n ',
  '//',
  '/*',
  '*/',
  '..',
  '%00',
  '%2F',
);

/** Text mixing awkward characters, any code point and plain words. */
export const hostileText = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: awkwardCharacter },
        { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
        { weight: 2, arbitrary: fc.constantFrom('guzman', 'shining', 'path', 'peru', 'lima', 'a', 'x', 'person:abimael-guzman') },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));

/** Strings that look like numbers to someone: huge, negative, fractional, NaN-ish, other scripts, empty. */
export const numberish: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.integer({ min: -5, max: 600 }).map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e6',
    '1000000',
    '1e309',
    '-1e309',
    '0x10',
    '0b1',
    '0o7',
    ' 5 ',
    '5abc',
    '',
    ' ',
    'null',
    'undefined',
    'true',
    '[]',
    '{}',
    '1_000',
    '١٢',
    '５',
    '-0',
    '+1',
    '.5',
    '5.',
    '1e-7',
    '9007199254740993',
    '99999999999999999999999',
    '2147483648',
    '-2147483649',
    '0',
    '-1',
    '1.0',
    '3.5',
  ),
);

/** One query-string value, already percent-encoded: UTF-8 text, raw bytes (invalid UTF-8 too) or broken escapes. */
export const encodedValue = (text: fc.Arbitrary<string> = hostileText()): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: text.map(percentEncode) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 24 }).map(percentEncodeBytes) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom('%', '%%', '%G0', '%E2%82', '%ED%A0%80', '%ED%BF%BF', '%C0%AF', '%00', '%FF%FE', '%u0041', '+', '&', '=', 'a'), {
          minLength: 1,
          maxLength: 6,
        })
        .map((parts) => parts.join('')),
    },
  );

/** Percent-encodes every byte of the text's UTF-8 (a lone surrogate becomes U+FFFD, as in any UTF-8 encoder). */
export function percentEncode(text: string): string {
  return percentEncodeBytes(Buffer.from(text, 'utf8'));
}

export function percentEncodeBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}

/**
 * A query string for the given parameters: each one absent, present once, or repeated (`?q=a&q=b`, which the
 * simple query parser turns into an array), plus sometimes a parameter nobody reads and a bracketed key.
 */
export function queryString(values: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const one = Object.entries(values).map(([name, value]) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant<string[]>([]) },
      { weight: 4, arbitrary: value.map((encoded) => [`${name}=${encoded}`]) },
      { weight: 1, arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }).map((list) => list.map((encoded) => `${name}=${encoded}`)) },
      { weight: 1, arbitrary: value.map((encoded) => [`${name}[]=${encoded}`, `${name}`]) },
    ),
  );
  const extra = fc.option(
    encodedValue().map((encoded) => `${encoded}=${encoded}`),
    { nil: undefined },
  );
  return fc.tuple(fc.tuple(...one), extra).map(([pairs, unread]) => {
    const all = [...pairs.flat(), ...(unread === undefined ? [] : [unread])];
    return all.length > 0 ? `?${all.join('&')}` : '';
  });
}

/** A comma-separated list mixing known names with hostile ones, percent-encoded. */
export function nameList(known: readonly string[]): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...known), hostileText(12), fc.constant('')), { maxLength: 5 }).map((names) => percentEncode(names.join(',')));
}

/** Any JSON value, with deep nesting, big numbers and awkward strings. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 6 }).chain((value) => fc.oneof(fc.constant(value), hostileText(), numberishJson()));

function numberishJson(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, -1, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1e21, 0.1));
}

/** Bodies that are not what the route reads: not JSON at all, broken JSON, JSON that is not an object. */
export const malformedJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '[',
    '{"ids": [',
    '{"cypher": "RETURN 1"',
    "{'cypher': 'RETURN 1'}",
    '{"cypher": RETURN 1}',
    'null',
    'true',
    '0',
    '-1',
    '"text"',
    '[]',
    '{}',
    '[{}]',
    'NaN',
    '{"a":1,}',
    '{"a":1}{"a":2}',
    '\u0000',
    '\ufeff{}',
    '{"cypher":"\\ud800"}',
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"ids": "person:abimael-guzman"}',
    '{"ids": null}',
    '{"ids": {}}',
    '{"ids": [null]}',
    '{"ids": [1, 2]}',
    '{"ids": [[]]}',
    '{"ids": [""]}',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  hostileText(60),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
);

/** Content types a client might send by mistake or on purpose. */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=nonsense',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/vnd.api+json',
  'application/xml',
  '*/*',
  '',
  ';;;',
);
