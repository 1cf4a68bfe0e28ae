/**
 * Issue #18: what a client reads in a refusal (detail and context) never shows the table's
 * internal keys (`MONTH#2026-11`, `LEDGER#…`): periods are in words and plain fields.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refuseClosedPeriod } from '#shared/application/budget/closed-periods.ts';
import { periodForClient, periodInWords } from '#shared/domain/fiscal-calendar/period-words.ts';
import { problemOf } from '#test/support/problem.ts';

const root = new URL('../../../', import.meta.url).pathname;
const REFUSAL_BUILDERS = /\b(refusal|broken|invalid|forbidden|notFound|conflict|unprocessable)\(/;
const KEY_IN_LITERAL = /(['`])[^'`\n]*\b[A-Z]{3,}#[^'`\n]*\1/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('refusal details and contexts carry no internal keys', () => {
  it('no file that raises refusals writes a key (WORD#…) into a string', () => {
    const offenders = ['shared/domain', 'shared/application', 'shared/wiring', 'functions']
      .flatMap((dir) => sources(join(root, dir)))
      .filter((path) => REFUSAL_BUILDERS.test(readFileSync(path, 'utf8')))
      .flatMap((path) =>
        withoutComments(readFileSync(path, 'utf8'))
          .split('\n')
          .filter((line) => KEY_IN_LITERAL.test(line))
          .map((line) => `${path.slice(root.length)}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('closing periods read in words and plain fields', () => {
    expect(periodInWords('MONTH#2026-11', 2026)).toBe('the month 2026-11 of fiscal year 2026');
    expect(periodInWords('DAY#2026-11-24', 2026)).toBe('the day 2026-11-24 of fiscal year 2026');
    expect(periodInWords('YEAR', 2026)).toBe('fiscal year 2026');
    expect(periodForClient('MONTH#2026-11', 2026)).toEqual({ periodKind: 'month', period: '2026-11' });
  });

  it('a release into a closed month names the month, not its key', async () => {
    const problem = await problemOf(refuseClosedPeriod(async () => 'month', '11110', 2026, '2026-11'));
    expect(problem).toMatchObject({
      code: 'period-closed',
      detail: 'the month 2026-11 of fiscal year 2026 is closed; nothing is released into it',
      context: { periodKind: 'month', period: '2026-11' },
    });
    expect(JSON.stringify(problem)).not.toContain('#');
  });
});
