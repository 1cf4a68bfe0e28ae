/**
 * Checks the structure of a JSON text before it is parsed, on the raw characters: JSON.parse keeps
 * the last of duplicate keys silently (so `{"amount":1,"amount":9}` would mean different things to
 * different readers), builds objects of any depth, and accepts escaped lone surrogates that cannot
 * be stored as UTF-8. Text that is not JSON at all is left for JSON.parse to report.
 */
export type JsonStructureFault =
  | { readonly kind: 'duplicate-key'; readonly path: string; readonly key: string }
  | { readonly kind: 'forbidden-key'; readonly path: string; readonly key: string }
  | { readonly kind: 'too-deep'; readonly path: string; readonly maxDepth: number }
  | { readonly kind: 'ill-formed-unicode'; readonly path: string };

interface Frame {
  readonly path: string;
  readonly isObject: boolean;
  readonly keys: Set<string>;
  /** Object: a key comes next (after `{` or `,`). */
  expectingKey: boolean;
  /** Object: the key just read; array: the index of the current element. */
  member: string | number;
}

export const MAX_JSON_DEPTH = 64;

/** `__proto__` would set an object's prototype wherever a parsed body is copied by assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

export function findJsonStructureFault(text: string, root: string, maxDepth = MAX_JSON_DEPTH): JsonStructureFault | undefined {
  const stack: Frame[] = [];
  const pathHere = (): string => {
    const top = stack.at(-1);
    return top ? `${top.path}.${top.member}` : root;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const top = stack.at(-1);
    if (char === '"') {
      const end = endOfString(text, i);
      const literal = text.slice(i, end + 1);
      const value = literal.includes('\\') ? decode(literal) : literal.slice(1, -1);
      if (value === undefined) return undefined;
      const isKey = top?.isObject === true && top.expectingKey;
      if (!value.isWellFormed()) return { kind: 'ill-formed-unicode', path: isKey ? top.path : pathHere() };
      if (isKey) {
        if (FORBIDDEN_KEYS.has(value)) return { kind: 'forbidden-key', path: top.path, key: value };
        if (top.keys.has(value)) return { kind: 'duplicate-key', path: top.path, key: value };
        top.keys.add(value);
        top.member = value;
        top.expectingKey = false;
      }
      i = end;
    } else if (char === '{' || char === '[') {
      const path = pathHere();
      if (stack.length >= maxDepth) return { kind: 'too-deep', path, maxDepth };
      stack.push({ path, isObject: char === '{', keys: new Set(), expectingKey: char === '{', member: 0 });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',' && top) {
      if (top.isObject) top.expectingKey = true;
      else top.member = Number(top.member) + 1;
    }
  }
  return undefined;
}

/** Index of the closing quote of the string literal that opens at `start` (or the end of the text). */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (char === '"') return i;
    else i++;
  }
  return text.length - 1;
}

function decode(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}
