import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering of #11 for participation, disclosure, registry and audit: stores read and write
 * and refuse nothing; domain rules know nothing of stores, HTTP or use cases.
 */
const contexts = ['participation', 'disclosure', 'registry', 'audit'];
/** The audit trail's rules live in shared/audit (its record, period and cursor). */
const domainOf = (context: string): string => (context === 'audit' ? 'shared/audit' : `shared/domain/${context}`);

interface Import {
  readonly file: string;
  readonly from: string;
  readonly typeOnly: boolean;
}

const importsOf = (dir: string): Import[] => {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.ts'));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const file = join(dir, name);
    return [...readFileSync(file, 'utf8').matchAll(/^import( type)?[^;]*?from '([^']+)';/gms)].map((match) => ({
      file,
      from: match[2] as string,
      typeOnly: match[1] !== undefined,
    }));
  });
};

describe.each(contexts)('the %s context', (context) => {
  it('has stores that import nothing of HTTP, refusals or use cases', () => {
    const imports = importsOf(`shared/stores/${context}`);
    expect(imports.length).toBeGreaterThan(0);
    const forbidden = imports.filter(({ from }) =>
      ['#shared/http/', '#shared/domain/refusal.ts', '#shared/application/'].some((prefix) => from.startsWith(prefix)),
    );
    expect(forbidden).toEqual([]);
  });

  it('has domain rules that import no store, use case or SDK, and of HTTP at most the request type', () => {
    const imports = importsOf(domainOf(context));
    expect(imports.length).toBeGreaterThan(0);
    const forbidden = imports.filter(
      ({ from, typeOnly }) =>
        ['#shared/stores/', '#shared/application/', '@aws-sdk/'].some((prefix) => from.startsWith(prefix)) ||
        (from.startsWith('#shared/http/') && !(typeOnly && from === '#shared/http/request-info.ts')),
    );
    expect(forbidden).toEqual([]);
  });

  it('has thin handlers that leave refusals to the use cases', () => {
    const refusing = importsOf(`functions/${context}`).filter(
      ({ from }) => from === '#shared/domain/refusal.ts' || from.startsWith('#shared/stores/'),
    );
    expect(refusing).toEqual([]);
  });
});
