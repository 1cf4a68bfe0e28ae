import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonStructureFault } from '#shared/middleware/json-structure.ts';

describe('findJsonStructureFault', () => {
  it('finds nothing wrong in well-formed JSON with unique keys', () => {
    expect(findJsonStructureFault('{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":"\\"a\\":1,\\"a\\""}', 'body')).toBeUndefined();
    expect(findJsonStructureFault('"just a string"', 'body')).toBeUndefined();
    expect(findJsonStructureFault('[1, 2, {"x": "y"}]', 'body')).toBeUndefined();
  });

  it('locates a duplicate key by its path, through objects and arrays', () => {
    expect(findJsonStructureFault('{"lines":[{"a":1},{"b":1,"c":{"d":1,"d":2}}]}', 'body')).toEqual({
      kind: 'duplicate-key',
      path: 'body.lines.1.c',
      key: 'd',
    });
  });

  it('compares keys after decoding escapes', () => {
    expect(findJsonStructureFault('{"é":1,"\\u00e9":2}', 'body')).toMatchObject({ kind: 'duplicate-key', key: 'é' });
    expect(findJsonStructureFault('{"a\\"b":1,"a\\u0022b":2}', 'body')).toMatchObject({ kind: 'duplicate-key', key: 'a"b' });
  });

  it('does not mistake values for keys', () => {
    expect(findJsonStructureFault('{"a":"a","b":"a","c":["a","a"]}', 'body')).toBeUndefined();
  });

  it('refuses __proto__ as a key, however it is spelled', () => {
    expect(findJsonStructureFault('{"x":{"__proto__":{}}}', 'body')).toEqual({ kind: 'forbidden-key', path: 'body.x', key: '__proto__' });
    expect(findJsonStructureFault('{"\\u005f_proto__":1}', 'body')).toMatchObject({ kind: 'forbidden-key' });
    expect(findJsonStructureFault('{"a":"__proto__"}', 'body')).toBeUndefined();
  });

  it('stops at the depth limit', () => {
    expect(findJsonStructureFault('[[[1]]]', 'body', 3)).toBeUndefined();
    expect(findJsonStructureFault('[[[[1]]]]', 'body', 3)).toEqual({ kind: 'too-deep', path: 'body.0.0.0', maxDepth: 3 });
    expect(findJsonStructureFault(`${'['.repeat(100_000)}`, 'body')).toMatchObject({ kind: 'too-deep', maxDepth: 64 });
  });

  it('finds unpaired surrogates in keys and values, and accepts pairs', () => {
    expect(findJsonStructureFault('{"a":["ok","\\udc00"]}', 'body')).toEqual({ kind: 'ill-formed-unicode', path: 'body.a.1' });
    expect(findJsonStructureFault('{"\\ud800x":1}', 'body')).toEqual({ kind: 'ill-formed-unicode', path: 'body' });
    expect(findJsonStructureFault('{"a":"\\ud83d\\ude00 😀"}', 'body')).toBeUndefined();
  });

  it('leaves text that is not JSON to the parser', () => {
    for (const text of ['{"a":', '{"a":"unterminated', '{"a":"\\x"}', ']]]', '}{', '']) {
      expect(findJsonStructureFault(text, 'body'), text).toBeUndefined();
    }
  });

  it('agrees with JSON.parse on every serialised value: no fault, and a duplicated key is always found', () => {
    const objectWithKeys = fc.dictionary(
      fc.string().filter((key) => key !== '__proto__'),
      fc.jsonValue({ maxDepth: 3 }),
      { minKeys: 1 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), objectWithKeys, fc.nat(), (value, object, pick) => {
        const text = JSON.stringify(value);
        fc.pre(!text.includes('"__proto__"'));
        expect(findJsonStructureFault(text, 'body')).toBeUndefined();

        const keys = Object.keys(object);
        const duplicated = keys[pick % keys.length] as string;
        const withDuplicate = `${JSON.stringify(object).slice(0, -1)},${JSON.stringify(duplicated)}:null}`;
        expect(findJsonStructureFault(`{"wrap":[${withDuplicate}]}`, 'body')).toEqual({
          kind: 'duplicate-key',
          path: 'body.wrap.0',
          key: duplicated,
        });
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
