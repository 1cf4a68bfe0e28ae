import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering of #11, for every context: use cases (`shared/application/<context>/`) orchestrate;
 * domain rules (`shared/domain/<context>/`) decide and know nothing of stores, use cases, HTTP or
 * the SDK; stores (`shared/stores/<context>/`) read and write and refuse nothing; handlers leave
 * refusals to the use cases; and no two contexts import each other both ways.
 */
interface Import {
  readonly file: string;
  readonly from: string;
  readonly typeOnly: boolean;
}

const filesUnder = (dir: string): string[] => {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return path.endsWith('.ts') ? [path] : [];
  });
};

const importsOf = (dir: string): Import[] =>
  filesUnder(dir).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^import( type)?[^;]*?from '([^']+)';/gms)].map((match) => ({
      file,
      from: match[2] as string,
      typeOnly: match[1] !== undefined,
    })),
  );

const layers = ['application', 'domain', 'stores'] as const;

/** The context a shared file belongs to: the folder below its layer (files at a layer's root are shared kernels). */
const contextOf = (file: string): string | undefined => {
  const [, layer, context, ...rest] = relative('.', file).split(sep);
  return layers.includes(layer as (typeof layers)[number]) && rest.length > 0 ? context : undefined;
};

const importedContext = (from: string): string | undefined => /^#shared\/(?:application|domain|stores)\/([^/]+)\//.exec(from)?.[1];

describe('layers', () => {
  it('stores import nothing of HTTP or use cases, and refusals at most as a type they store', () => {
    const imports = importsOf('shared/stores');
    expect(imports.length).toBeGreaterThan(100);
    const forbidden = imports.filter(({ from, typeOnly }) =>
      from.startsWith('#shared/http/') && !(typeOnly && from === '#shared/http/request-info.ts')
        ? true
        : from.startsWith('#shared/application/') || (from === '#shared/domain/refusal.ts' && !typeOnly),
    );
    expect(forbidden).toEqual([]);
  });

  it('domain rules import no store, use case or SDK, and of HTTP at most the request type', () => {
    const imports = [...importsOf('shared/domain'), ...importsOf('shared/audit')];
    expect(imports.length).toBeGreaterThan(100);
    const forbidden = imports.filter(
      ({ from, typeOnly }) =>
        ['#shared/stores/', '#shared/application/', '@aws-sdk/'].some((prefix) => from.startsWith(prefix)) ||
        (from.startsWith('#shared/http/') && !(typeOnly && from === '#shared/http/request-info.ts')),
    );
    expect(forbidden).toEqual([]);
  });

  it('handlers leave refusing to the use cases', () => {
    const constructors = /\b(invalid|unauthenticated|forbidden|notFound|conflict|unprocessable|refusal)\b/;
    const refusing = filesUnder('functions').filter((file) => {
      const refusalImport = /^import \{([^}]*)\} from '#shared\/domain\/refusal\.ts';/m.exec(readFileSync(file, 'utf8'));
      return refusalImport !== null && constructors.test(refusalImport[1] as string);
    });
    expect(refusing).toEqual([]);
  });

  it('no two contexts import each other, directly or round a cycle', () => {
    const edges = new Map<string, Set<string>>();
    for (const layer of layers) {
      for (const { file, from } of importsOf(`shared/${layer}`)) {
        const source = contextOf(file);
        const target = importedContext(from);
        if (source === undefined || target === undefined || source === target) continue;
        edges.set(source, (edges.get(source) ?? new Set()).add(target));
      }
    }
    expect(edges.size).toBeGreaterThan(4);
    const cycles: string[] = [];
    const visit = (context: string, path: readonly string[]): void => {
      if (path.includes(context)) {
        cycles.push([...path.slice(path.indexOf(context)), context].join(' → '));
        return;
      }
      for (const next of edges.get(context) ?? []) visit(next, [...path, context]);
    };
    for (const context of edges.keys()) visit(context, []);
    expect(cycles).toEqual([]);
  });
});
