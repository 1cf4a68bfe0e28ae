import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycleStates } from '#shared/domain/participation/cycle.ts';
import { problemCodes } from '#shared/domain/problem-codes.ts';
import { renderDocsPage } from '#shared/http/docs-page.ts';
import { openApiDocument } from '#shared/http/openapi.ts';
import { routes } from '#shared/routes/index.ts';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });

const source = ['shared', 'functions', 'infra']
  .flatMap(sourceFiles)
  .filter((path) => !path.endsWith('problem-codes.ts'))
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

/** Codes built from a template rather than written out: the state a cycle must be in, the document a posting refers to. */
const documents = ['commitment', 'resolution', 'payment-order', 'assessment', 'receipt'];
const templated = new Set([
  ...cycleStates.map((state) => `cycle-not-${state}`),
  ...documents.map((name) => `${name}-not-found`),
  ...['commitment', 'resolution', 'order', 'assessment', 'receipt'].map((kind) => `unknown-${kind}`),
]);

describe('the published problem codes', () => {
  it('lists only codes the code base can raise', () => {
    const unused = Object.keys(problemCodes).filter((code) => !templated.has(code) && !source.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('lists every code the refusal helpers are called with', () => {
    const helperCalls = /\b(?:invalid|forbidden|notFound|conflict|unprocessable)\(\s*'([a-z][a-z0-9-]+)'/g;
    const refusalCalls = /\brefusal\(\s*'[a-z-]+',\s*'([a-z][a-z0-9-]+)'/g;
    const raised = [...source.matchAll(helperCalls), ...source.matchAll(refusalCalls)].map((match) => match[1] as string);
    expect(raised.length).toBeGreaterThan(40);
    expect(raised.filter((code) => !Object.hasOwn(problemCodes, code))).toEqual([]);
  });

  it('types code as the enum in /openapi.json and lists each with its meaning on /docs', () => {
    const document = openApiDocument(routes);
    const problem = document.components.schemas.Problem as { properties: { code: { enum: string[] } } };
    expect(problem.properties.code.enum).toEqual(Object.keys(problemCodes));
    const page = renderDocsPage(document);
    for (const [code, meaning] of Object.entries(problemCodes)) {
      expect(page).toContain(`<code>${code}</code>`);
      expect(page).toContain(
        meaning.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;'),
      );
    }
  });
});
